using System.Text.Json;

namespace MnistCourse.Kernel.Connection;

/// <summary>
/// The connection file Jupyter writes before starting a kernel: where to bind the five channels and the key that
/// signs every message. See https://jupyter-client.readthedocs.io/en/stable/kernels.html#connection-files.
/// </summary>
public sealed record ConnectionFile(string IP, IReadOnlyDictionary<ChannelName, int> Ports, string Key)
{
    /// <summary>The ZeroMQ endpoint to bind for a channel, e.g. tcp://127.0.0.1:5555 (0.0.0.0 binds every interface).</summary>
    public string Endpoint(ChannelName channel) => $"tcp://{(IP is "0.0.0.0" or "" ? "*" : IP)}:{Ports[channel]}";

    /// <exception cref="ConnectionFileException">The file is missing, is not JSON, or lacks or misstates a field; the message names the file.</exception>
    public static ConnectionFile Load(string path)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConnectionFileException(path, $"cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new ConnectionFileException(path, $"is not valid JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new ConnectionFileException(path, "is not a JSON object");

        string Text(string name, string fallback) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

        int Port(string name)
        {
            if (root.TryGetProperty(name, out var value) && value.TryGetInt32(out var port) && port is > 0 and < 65536) return port;
            throw new ConnectionFileException(path, $"has no valid \"{name}\" (a TCP port number)");
        }

        var transport = Text("transport", "tcp");
        if (transport != "tcp")
            throw new ConnectionFileException(path, $"asks for transport \"{transport}\"; this kernel supports \"tcp\" only (NetMQ has no ipc sockets compatible with libzmq's)");
        var key = Text("key", "");
        var scheme = Text("signature_scheme", "hmac-sha256");
        if (key.Length > 0 && scheme != "hmac-sha256")
            throw new ConnectionFileException(path, $"asks for signature scheme \"{scheme}\"; this kernel supports \"hmac-sha256\" only");
        // The fields are shell_port, control_port, stdin_port, iopub_port and hb_port.
        var ports = Enum.GetValues<ChannelName>().ToDictionary(channel => channel,
            channel => Port(channel == ChannelName.Heartbeat ? "hb_port" : $"{channel.ToString().ToLowerInvariant()}_port"));
        return new ConnectionFile(Text("ip", "127.0.0.1"), ports, key);
    }
}

/// <summary>The kernel's five sockets; all but the heartbeat (it only echoes bytes) carry messages.</summary>
public enum ChannelName
{
    Shell,
    Control,
    Stdin,
    IOPub,
    Heartbeat,
}

public sealed class ConnectionFileException(string path, string problem) : Exception($"connection file {path} {problem}");
