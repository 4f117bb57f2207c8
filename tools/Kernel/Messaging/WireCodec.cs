using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// The wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// The signature is an HMAC-SHA256 over the four JSON frames, hex-encoded, with the connection file's key; an empty key
/// means signing is off (signature frame empty, nothing checked), as in Jupyter. Decoding checks the signature before
/// anything is parsed, so a badly signed message is never acted on, and refuses a signature it has accepted before
/// (a replay, see <see cref="DigestHistory"/>). A signed message whose header names its type and id but whose frames
/// are not valid UTF-8 JSON objects is decoded with a <see cref="JupyterMessage.Malformation"/>, to be answered with
/// an error; one whose header cannot be read cannot be answered, and is dropped.
/// </summary>
public sealed class WireCodec(string key)
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);
    private readonly DigestHistory _history = new();

    public List<byte[]> Encode(JupyterMessage message)
    {
        byte[][] json = [Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content)];
        return [.. message.Identities, Delimiter, Encoding.ASCII.GetBytes(Sign(json)), .. json];
    }

    public bool TryDecode(IReadOnlyList<byte[]> frames, out JupyterMessage? message, out string? problem)
    {
        message = null;
        var delimiter = frames.ToList().FindIndex(frame => frame.AsSpan().SequenceEqual(Delimiter));
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = $"malformed message ({frames.Count} frames, {(delimiter < 0 ? "no <IDS|MSG> delimiter" : "fewer than 5 frames after the delimiter")})";
            return false;
        }

        var json = frames.Skip(delimiter + 2).Take(4).ToArray();
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]).ToLowerInvariant();
        if (_key.Length > 0 && !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(json)), Encoding.ASCII.GetBytes(signature)))
        {
            problem = "invalid HMAC signature";
            return false;
        }

        if (_key.Length > 0 && !_history.Add(signature))
        {
            problem = "replayed message (its signature was accepted before)";
            return false;
        }

        var header = ReadObject(json[0], "header", out var headerProblem);
        if (header?["msg_type"] is not JsonValue type || !type.TryGetValue<string>(out _))
        {
            problem = $"unreadable header, so no reply can be addressed ({headerProblem ?? "no msg_type"})";
            return false;
        }
        var parent = ReadObject(json[1], "parent_header", out var parentProblem);
        var metadata = ReadObject(json[2], "metadata", out var metadataProblem);
        var content = ReadObject(json[3], "content", out var contentProblem);
        var malformation = new[] { MissingField(header, "msg_id") ?? MissingField(header, "session"), parentProblem, metadataProblem, contentProblem }
            .FirstOrDefault(p => p is not null);
        message = new JupyterMessage(frames.Take(delimiter).ToList(), header, parent ?? [], malformation is null ? metadata! : [],
            malformation is null ? content! : []) { Malformation = malformation };
        problem = null;
        return true;
    }

    private static string? MissingField(JsonObject header, string name) =>
        header[name] is JsonValue value && value.TryGetValue<string>(out _) ? null : $"the header has no {name} string";

    /// <summary>The frame as a JSON object, or null with the reason (invalid UTF-8, not JSON, not an object).</summary>
    private static JsonObject? ReadObject(byte[] utf8, string frame, out string? problem)
    {
        problem = null;
        if (!Utf8.IsValid(utf8))
        {
            problem = $"the {frame} frame is not valid UTF-8";
            return null;
        }
        try
        {
            if (JsonNode.Parse(utf8) is JsonObject value) return value;
            problem = $"the {frame} frame is not a JSON object";
        }
        catch (JsonException e)
        {
            problem = $"the {frame} frame is not valid JSON: {e.Message}";
        }
        return null;
    }

    private string Sign(byte[][] jsonFrames)
    {
        if (_key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in jsonFrames) hmac.AppendData(frame);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static byte[] Json(JsonObject node) => JsonSerializer.SerializeToUtf8Bytes(node);
}
