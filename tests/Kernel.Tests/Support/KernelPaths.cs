namespace MnistCourse.Kernel.Tests.Support;

/// <summary>What this test project's build output holds besides the tests (the rest is in <see cref="RepoPaths"/>).</summary>
public static class KernelPaths
{
    /// <summary>The kernel built with this test project (copied into its output by the project reference).</summary>
    public static string KernelDll => RepoPaths.InTestOutput("MnistCourse.Kernel.dll");

    /// <summary>A Python driver of Scripts/.</summary>
    public static string Script(string name) => RepoPaths.InTestOutput(Path.Combine("Scripts", name));
}
