using System.Text.Json.Nodes;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Messaging;
using NetMQ;
using NetMQ.Sockets;

namespace MnistCourse.Kernel.Channels;

/// <summary>
/// The shell, control and stdin ROUTER sockets and the IOPub PUB socket, all served by one NetMQ poller thread:
/// NetMQ sockets are not thread-safe, so other threads (cells printing, the shell worker) hand their messages to
/// <see cref="Reply"/> and <see cref="Publish"/>, which queue them for the poller thread; they go out in the order
/// they were sent. Incoming messages are decoded and verified here; badly signed, replayed or unaddressable ones are
/// logged and dropped, and so is a message over <see cref="MaxMessageBytes"/> (its frames summed): its frames are read
/// one at a time and discarded once over the limit, and ZeroMQ itself disconnects a peer that sends one frame larger
/// than the limit before buffering it (ZMQ_MAXMSGSIZE).
/// The heartbeat REP socket echoes whatever the front sends on a poller thread of its own, so the front sees the kernel
/// alive even while the other threads are busy.
/// </summary>
public sealed class KernelChannels : IDisposable
{
    /// <summary>Far above any request a front sends (code, completions); a larger message is dropped.</summary>
    public const long MaxMessageBytes = 16L << 20;

    private readonly WireCodec _codec;
    private readonly Dictionary<ChannelName, NetMQSocket> _sockets = new()
    {
        [ChannelName.Shell] = new RouterSocket(),
        [ChannelName.Control] = new RouterSocket(),
        [ChannelName.Stdin] = new RouterSocket(),
        [ChannelName.IOPub] = new PublisherSocket(),
    };
    private readonly NetMQQueue<Action> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQPoller _heartbeatPoller;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public KernelChannels(ConnectionFile connection)
    {
        _codec = new WireCodec(connection.Key);
        if (connection.Key.Length == 0) KernelLog.Warn("the connection file has no key: messages are not signed");
        foreach (var (channel, socket) in _sockets)
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1); // a shutdown_reply still goes out while the kernel exits
            if (channel != ChannelName.IOPub) socket.Options.MaxMsgSize = MaxMessageBytes;
            socket.Bind(connection.Endpoint(channel));
            if (channel == ChannelName.IOPub) continue;
            socket.ReceiveReady += (_, e) =>
            {
                while (TryReceive(e.Socket, out var frames, out var bytes))
                {
                    if (frames is null)
                        KernelLog.Warn($"ignored a message on {channel}: {bytes} bytes, over the limit of {MaxMessageBytes}");
                    else if (_codec.TryDecode(frames, out var message, out var problem))
                        Run(() => Received?.Invoke(channel, message!));
                    else
                        KernelLog.Warn($"ignored a message on {channel}: {problem}");
                }
            };
        }
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var action, TimeSpan.Zero)) Run(action);
        };
        _poller = [.. _sockets.Values, _outbox];
        _heartbeat.Options.Linger = TimeSpan.Zero;
        _heartbeat.Bind(connection.Endpoint(ChannelName.Heartbeat));
        _heartbeat.ReceiveReady += (_, e) =>
        {
            var frames = new List<byte[]>();
            if (e.Socket.TryReceiveMultipartBytes(ref frames)) e.Socket.SendMultipartBytes(frames);
        };
        _heartbeatPoller = [_heartbeat];
        _heartbeatPoller.RunAsync("heartbeat", isBackgroundThread: true);
        KernelLog.Info($"{string.Join(", ", connection.Ports.Keys).ToLowerInvariant()} on {connection.IP} " +
                       $"ports {string.Join(", ", connection.Ports.Values)}");
    }

    /// <summary>Called on the poller thread for each verified message; must return quickly.</summary>
    public event Action<ChannelName, JupyterMessage>? Received;

    public Task Stopped => _stopped.Task;

    public void Start() => _poller.RunAsync("jupyter-channels", isBackgroundThread: true);

    /// <summary>Replies on the request's channel (stdin: asks its front for input); any thread.</summary>
    public void Reply(ChannelName channel, JupyterMessage request, string msgType, JsonObject content) =>
        Send(channel, request.Reply(msgType, content));

    /// <summary>Broadcasts on IOPub (outputs, status, the code being executed), tied to its request; any thread.</summary>
    public void Publish(JupyterMessage? parent, string msgType, JsonObject content) =>
        Send(ChannelName.IOPub, JupyterMessage.Broadcast(parent, msgType, content));

    /// <summary>"starting", "busy" or "idle": fronts show it, and wait for "idle" to know a request is fully handled.</summary>
    public void Status(JupyterMessage? parent, string state) => Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    private void Send(ChannelName channel, JupyterMessage message)
    {
        if (_outbox.IsDisposed) return;
        _outbox.Enqueue(() => _sockets[channel].SendMultipartBytes(_codec.Encode(message)));
    }

    /// <summary>Stops the poller once everything queued before this call has been sent.</summary>
    public void Stop() => _outbox.Enqueue(() =>
    {
        _poller.StopAsync();
        _stopped.TrySetResult();
    });

    /// <summary>
    /// Reads one waiting message frame by frame; <paramref name="frames"/> is null when the frames summed exceed
    /// <see cref="MaxMessageBytes"/> (the rest is read and discarded, not kept). False when no message is waiting.
    /// </summary>
    private static bool TryReceive(NetMQSocket socket, out List<byte[]>? frames, out long bytes)
    {
        frames = null;
        bytes = 0;
        if (!socket.TryReceiveFrameBytes(TimeSpan.Zero, out var first, out var more)) return false;
        frames = [first];
        bytes = first.Length;
        while (more)
        {
            var frame = socket.ReceiveFrameBytes(out more); // a multipart message arrives whole: the rest is there
            bytes += frame.Length;
            frames?.Add(frame);
            if (bytes > MaxMessageBytes) frames = null;
        }
        if (bytes > MaxMessageBytes) frames = null;
        return true;
    }

    /// <summary>One failing handler or send must not stop the poller thread, the kernel's only way to talk.</summary>
    private static void Run(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            KernelLog.Error($"channel thread: {e}");
        }
    }

    public void Dispose()
    {
        _heartbeatPoller.Stop();
        _heartbeatPoller.Dispose();
        _heartbeat.Dispose();
        if (_poller.IsRunning) _poller.Stop();
        _poller.Dispose();
        _outbox.Dispose();
        foreach (var socket in _sockets.Values) socket.Dispose();
    }
}
