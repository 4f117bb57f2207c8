using System.Reflection;
using System.Text.Json.Nodes;
using MnistCourse.Kernel.Messaging;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// The kernel_info_reply: protocol version, implementation, and the language as the Polyglot C# kernel describes
/// it (name "C#", text/x-csharp, .cs), so fronts highlight and save cells the same way with either kernel.
/// </summary>
public static class KernelInfo
{
    public const string LanguageName = "C#";

    public static JsonObject Content()
    {
        var version = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "1.0.0";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = MessageFactory.ProtocolVersion,
            ["implementation"] = "mnistcourse-csharp",
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = LanguageName,
                ["version"] = "14.0",
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"C# (MnistCourse) {version}: the course's notebook engine (Roslyn scripting) on .NET {Environment.Version}",
            ["help_links"] = new JsonArray(
                new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
                new JsonObject { ["text"] = "TorchSharp", ["url"] = "https://github.com/dotnet/TorchSharp" }),
            ["debugger"] = false,
        };
    }
}
