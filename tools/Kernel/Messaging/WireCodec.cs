using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// The wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// The signature is an HMAC-SHA256 over the four JSON frames, hex-encoded, with the connection file's key; an empty key
/// means signing is off (signature frame empty, nothing checked), as in Jupyter. Decoding checks the signature before
/// anything is parsed, so a badly signed message is never acted on.
/// </summary>
public sealed class WireCodec(string key)
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

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

        try
        {
            message = new JupyterMessage(frames.Take(delimiter).ToList(), ParseObject(json[0], "header"), ParseObject(json[1], "parent_header"),
                ParseObject(json[2], "metadata"), ParseObject(json[3], "content"));
        }
        catch (JsonException e)
        {
            problem = $"malformed JSON: {e.Message}";
            return false;
        }
        problem = null;
        return true;
    }

    private string Sign(byte[][] jsonFrames)
    {
        if (_key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in jsonFrames) hmac.AppendData(frame);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static byte[] Json(JsonObject node) => JsonSerializer.SerializeToUtf8Bytes(node);

    private static JsonObject ParseObject(byte[] utf8, string frame) =>
        JsonNode.Parse(utf8) as JsonObject ?? throw new JsonException($"the {frame} frame is not a JSON object");
}
