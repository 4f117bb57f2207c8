namespace MnistCourse.Site;

/// <summary>The site cannot be built; the message names the file at fault and says how to fix it.</summary>
public sealed class SiteBuildException(string message, Exception? inner = null) : Exception(message, inner);
