using System.Text;
using System.Text.Json.Nodes;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Messaging;
using MnistCourse.Kernel.Tests.Support;

namespace MnistCourse.Kernel.Tests.Messaging;

/// <summary>The wire format and its signature, and the connection file's errors.</summary>
public class WireCodecTests
{
    private static JupyterMessage Sample() =>
        JupyterMessage.Broadcast(null, "stream", new JsonObject { ["name"] = "stdout", ["text"] = "héllo\n" });

    [Fact]
    public void A_message_round_trips_and_is_signed_with_HMAC_SHA256_of_the_four_json_frames()
    {
        var codec = new WireCodec("secret");
        var frames = codec.Encode(Sample());

        Assert.Equal("<IDS|MSG>", Encoding.UTF8.GetString(frames[1]));
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(frames.Skip(3).Take(4).SelectMany(f => f).ToArray()));
        Assert.Equal(expected, Encoding.ASCII.GetString(frames[2]));

        Assert.True(codec.TryDecode(frames, out var decoded, out var problem), problem);
        Assert.Equal("stream", decoded!.Type);
        Assert.Equal("héllo\n", (string?)decoded.Content["text"]);
        Assert.Single(decoded.Identities);
    }

    [Fact]
    public void Tampered_content_or_another_key_is_rejected()
    {
        var frames = new WireCodec("secret").Encode(Sample());
        Assert.False(new WireCodec("other").TryDecode(frames, out _, out var problem));
        Assert.Equal("invalid HMAC signature", problem);

        frames[6] = Encoding.UTF8.GetBytes("""{"name":"stdout","text":"forged"}""");
        Assert.False(new WireCodec("secret").TryDecode(frames, out _, out problem));
        Assert.Equal("invalid HMAC signature", problem);
    }

    [Fact]
    public void Malformed_frames_are_rejected_with_a_reason()
    {
        var codec = new WireCodec("secret");
        Assert.False(codec.TryDecode([Encoding.UTF8.GetBytes("no delimiter")], out _, out var problem));
        Assert.Contains("no <IDS|MSG> delimiter", problem);
    }

    [Fact]
    public void A_replayed_signature_is_refused()
    {
        var codec = new WireCodec("secret");
        var frames = codec.Encode(Sample());
        Assert.True(codec.TryDecode(frames, out _, out _));
        Assert.False(codec.TryDecode(frames, out _, out var problem));
        Assert.Contains("replayed", problem);
        Assert.True(codec.TryDecode(codec.Encode(Sample()), out _, out _)); // a new message (new msg_id, new signature) still passes
    }

    /// <summary>Frames as a front would sign them, with the content (or header) replaced by raw bytes.</summary>
    private static List<byte[]> Signed(string key, byte[] header, byte[] content)
    {
        byte[][] json = [header, "{}"u8.ToArray(), "{}"u8.ToArray(), content];
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(key));
        return ["front"u8.ToArray(), "<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hmac.ComputeHash(json.SelectMany(f => f).ToArray()))), .. json];
    }

    private static readonly byte[] ExecuteHeader = """{"msg_id":"m1","session":"s","username":"u","msg_type":"execute_request","version":"5.3"}"""u8.ToArray();

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'c', (byte)'"', (byte)':', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)'}' }, "not valid UTF-8")]
    [InlineData(new byte[] { (byte)'[', (byte)']' }, "not a JSON object")]
    [InlineData(new byte[] { (byte)'{', (byte)'x' }, "not valid JSON")]
    public void A_signed_message_with_unreadable_content_is_decoded_to_be_answered_with_an_error(byte[] content, string why)
    {
        Assert.True(new WireCodec("k").TryDecode(Signed("k", ExecuteHeader, content), out var message, out _));
        Assert.Equal("execute_request", message!.Type);
        Assert.Contains(why, message.Malformation);
        Assert.Empty(message.Content);
    }

    [Fact]
    public void A_header_without_msg_id_is_answered_one_without_msg_type_cannot_be()
    {
        Assert.True(new WireCodec("k").TryDecode(Signed("k", """{"session":"s","msg_type":"execute_request"}"""u8.ToArray(), "{}"u8.ToArray()), out var message, out _));
        Assert.Contains("msg_id", message!.Malformation);
        Assert.False(new WireCodec("k").TryDecode(Signed("k", """{"msg_id":"m","session":"s"}"""u8.ToArray(), "{}"u8.ToArray()), out _, out var problem));
        Assert.Contains("no msg_type", problem);
    }

    [Fact]
    public void A_content_field_of_the_wrong_type_is_named()
    {
        var message = new JupyterMessage([], new JsonObject(), new JsonObject(), new JsonObject(), new JsonObject { ["code"] = 42 });
        Assert.Equal("content.code is a JSON number, not a string", Assert.Throws<MalformedMessageException>(() => message.Text("code")).Message);
        Assert.Equal("", message.Text("absent"));
    }

    [Fact]
    public void An_empty_key_means_no_signature()
    {
        var codec = new WireCodec("");
        var frames = codec.Encode(Sample());
        Assert.Empty(frames[2]);
        Assert.True(codec.TryDecode(frames, out _, out _));
    }

    [Fact]
    public void A_bad_connection_file_gives_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var missing = temp.File("kernel-missing.json");
        Assert.Contains(missing, Assert.Throws<ConnectionFileException>(() => ConnectionFile.Load(missing)).Message);

        var broken = temp.File("kernel-broken.json");
        File.WriteAllText(broken, """{"ip": "127.0.0.1", "key": "k", "transport": "tcp"}""");
        var error = Assert.Throws<ConnectionFileException>(() => ConnectionFile.Load(broken));
        Assert.Contains(broken, error.Message);
        Assert.Contains("shell_port", error.Message);
    }

    [Fact]
    public void The_kernel_exits_with_code_2_and_names_a_bad_connection_file()
    {
        using var temp = new TempFolder();
        var file = temp.File("kernel-notjson.json");
        File.WriteAllText(file, "not json");
        var result = ProcessRun.Run("dotnet", [KernelPaths.KernelDll, file], TimeSpan.FromMinutes(1));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(file, result.Stderr);
        Assert.Contains("is not valid JSON", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
