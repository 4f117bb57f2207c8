using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests.Lessons;

/// <summary>
/// A lesson's setup cell with another libtorch first on the loader's path (a PyTorch or conda lib/ on LD_LIBRARY_PATH;
/// Debian's libtorch-dev puts the same unversioned names on the default path): TorchSharp still loads its own.
/// </summary>
[Trait("Speed", "Slow")]
public class ForeignLibtorchTests
{
    [Fact]
    public void A_fake_unversioned_libtorch_first_on_LD_LIBRARY_PATH_does_not_break_the_setup_cell()
    {
        RepoPaths.AssertLibraryBuilt();
        using var temp = new TempFolder();
        // Any ELF shared library that is not libtorch: the .NET runtime's own System.Native, under libtorch's names.
        var elf = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libSystem.Native.so");
        var foreign = Directory.CreateDirectory(temp.File("foreign-lib")).FullName;
        foreach (var name in new[] { "libtorch_cpu.so", "libc10.so", "libtorch.so" })
            File.Copy(elf, Path.Combine(foreign, name));

        var setupCell = ((JsonArray)JsonNode.Parse(File.ReadAllText(RepoPaths.Lesson("01-convolution-by-hand")))!["cells"]!)
            .First(c => (string?)c!["cell_type"] == "code")!["source"]!;
        var source = string.Concat(setupCell is JsonArray lines ? lines.Select(l => (string?)l) : [(string?)setupCell])
            .Replace("../lib/bin/MnistCourse.dll", RepoPaths.LibraryDll);
        var notebook = new NotebookBuilder()
            .Code(source)
            .Code("torch.ones(2, 2).sum().item<float>()")
            .WriteTo(temp.File("setup.ipynb"));

        var run = RunnerProcess.Run(temp.Path, TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = foreign }, "run", notebook, "--out", temp.File("out.ipynb"));

        Assert.True(run.ExitCode == 0, $"the setup cell failed with {foreign} on LD_LIBRARY_PATH:\n{run.Both}");
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(temp.File("out.ipynb")))!["cells"]!;
        Assert.Contains("4", cells[1]!["outputs"]!.ToJsonString());
    }
}
