namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// A correctly signed request the kernel cannot act on (a field of the wrong type, invalid UTF-8, a missing header
/// field): the kernel answers it with an error reply, as ipykernel does, so the front never waits for nothing.
/// </summary>
public sealed class MalformedMessageException(string message) : Exception(message);
