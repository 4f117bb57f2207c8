namespace MnistCourse.Kernel.Channels;

/// <summary>The kernel's sockets that carry messages (the heartbeat only echoes bytes).</summary>
public enum ChannelName
{
    Shell,
    Control,
    Stdin,
    IOPub,
}
