using MnistCourse.Kernel.Hosting;
using NetMQ;
using NetMQ.Sockets;

namespace MnistCourse.Kernel.Channels;

/// <summary>
/// The heartbeat channel: a REP socket that echoes whatever the front sends, on its own thread, so the front sees
/// the kernel alive even while a cell keeps the other threads busy.
/// </summary>
public sealed class Heartbeat : IDisposable
{
    private readonly ResponseSocket _socket = new();
    private readonly NetMQPoller _poller;

    public Heartbeat(string endpoint)
    {
        _socket.Options.Linger = TimeSpan.Zero;
        _socket.Bind(endpoint);
        _socket.ReceiveReady += (_, e) =>
        {
            var frames = new List<byte[]>();
            if (e.Socket.TryReceiveMultipartBytes(ref frames)) e.Socket.SendMultipartBytes(frames);
        };
        _poller = [_socket];
        _poller.RunAsync("heartbeat", isBackgroundThread: true);
        KernelLog.Info($"heartbeat on {endpoint}");
    }

    public void Dispose()
    {
        _poller.Stop();
        _poller.Dispose();
        _socket.Dispose();
    }
}
