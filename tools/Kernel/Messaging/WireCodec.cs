using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// The wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// Decoding checks the signature before anything is parsed, so a badly signed message is never acted on.
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public List<byte[]> Encode(JupyterMessage message)
    {
        var header = Json(message.Header);
        var parent = Json(message.ParentHeader);
        var metadata = Json(message.Metadata);
        var content = Json(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Decodes <paramref name="frames"/>, or says why it cannot (malformed, wrong signature) in <paramref name="problem"/>.</summary>
    public bool TryDecode(IReadOnlyList<byte[]> frames, out JupyterMessage? message, out string? problem)
    {
        message = null;
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (!frames[i].AsSpan().SequenceEqual(Delimiter)) continue;
            delimiter = i;
            break;
        }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = $"malformed message ({frames.Count} frames, {(delimiter < 0 ? "no <IDS|MSG> delimiter" : "fewer than 5 frames after the delimiter")})";
            return false;
        }

        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        byte[] header = frames[delimiter + 2], parent = frames[delimiter + 3], metadata = frames[delimiter + 4], content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            problem = "invalid HMAC signature";
            return false;
        }

        try
        {
            message = new JupyterMessage(
                frames.Take(delimiter).ToList(),
                ParseObject(header, "header"),
                ParseObject(parent, "parent_header"),
                ParseObject(metadata, "metadata"),
                ParseObject(content, "content"),
                frames.Skip(delimiter + 6).ToList());
        }
        catch (JsonException e)
        {
            problem = $"malformed JSON: {e.Message}";
            return false;
        }
        problem = null;
        return true;
    }

    private static byte[] Json(JsonObject node) => JsonSerializer.SerializeToUtf8Bytes(node);

    private static JsonObject ParseObject(byte[] utf8, string frame) =>
        JsonNode.Parse(utf8) as JsonObject ?? throw new JsonException($"the {frame} frame is not a JSON object");
}
