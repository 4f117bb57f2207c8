using System.Buffers.Binary;
using MnistCourse.Native;

namespace MnistCourse.Tests.Native;

public class WeakVersionPatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("patch-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A copy of TorchSharp's real native library with the GLIBCXX_3.4.32 requirement strong, as shipped.</summary>
    private string ShippedLibraryCopy()
    {
        var source = TorchRuntime.NuGetPackageHomes("torchsharp")
            .Select(h => Path.Combine(h, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"))
            .First(File.Exists);
        var copy = Path.Combine(_dir, "libLibTorchSharp.so");
        File.Copy(source, copy);
        // setup may already have patched the NuGet copy: clear the weak bit to get the file as shipped.
        var bytes = File.ReadAllBytes(copy);
        foreach (var need in ElfFile.Read(copy).VersionNeeds().Where(n => n.Version == LibStdCxx.TorchSharpNeeds))
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)need.FlagsOffset), (ushort)(need.Flags & ~2));
        File.WriteAllBytes(copy, bytes);
        return copy;
    }

    /// <summary>Whether the library has a strong (fatal if missing) requirement of the version.</summary>
    private static bool RequiresStrongly(string library, string version) =>
        ElfFile.Read(library).VersionNeeds().Any(n => n.Version == version && (n.Flags & 2) == 0);

    private static string ReadElfVersions(string path) => ProcessRun.Run("readelf", ["-V", path], TimeSpan.FromMinutes(1)).Stdout;

    [Fact]
    [Trait("Speed", "Slow")] // binutils' readelf as the second opinion: a test tool the fast tier does not ask for
    public void Shipped_library_requires_the_version_strongly_and_the_patch_makes_it_weak()
    {
        var lib = ShippedLibraryCopy();
        Assert.True(RequiresStrongly(lib, "GLIBCXX_3.4.32"));
        Assert.Contains("Name: GLIBCXX_3.4.32  Flags: none", ReadElfVersions(lib));

        Assert.Equal(PatchOutcome.Patched, WeakVersionPatch.Apply(lib, "GLIBCXX_3.4.32"));

        Assert.False(RequiresStrongly(lib, "GLIBCXX_3.4.32"));
        Assert.Contains("Name: GLIBCXX_3.4.32  Flags: WEAK", ReadElfVersions(lib)); // binutils agrees
        Assert.Empty(Directory.GetFiles(_dir, "*.patching-*"));
    }

    [Fact]
    public void Patch_is_idempotent_and_changes_only_the_flag_bytes()
    {
        var lib = ShippedLibraryCopy();
        var before = File.ReadAllBytes(lib);
        WeakVersionPatch.Apply(lib, "GLIBCXX_3.4.32");
        var once = File.ReadAllBytes(lib);
        Assert.Equal(PatchOutcome.AlreadyWeak, WeakVersionPatch.Apply(lib, "GLIBCXX_3.4.32"));
        Assert.Equal(once, File.ReadAllBytes(lib));
        Assert.Equal(before.Length, once.Length);
        Assert.Equal(1, before.Zip(once).Count(p => p.First != p.Second)); // one byte: the low byte of vna_flags
    }

    [Fact]
    public void A_library_without_the_requirement_is_left_alone()
    {
        var copy = Path.Combine(_dir, "true");
        File.Copy("/bin/true", copy);
        var before = File.ReadAllBytes(copy);
        Assert.Equal(PatchOutcome.NotRequired, WeakVersionPatch.Apply(copy, "GLIBCXX_3.4.32"));
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Theory]
    [InlineData("<html>not a library</html>")]
    [InlineData("")]
    public void A_file_that_is_not_ELF_is_refused_with_its_name(string content)
    {
        var bad = Path.Combine(_dir, "libLibTorchSharp.so");
        File.WriteAllText(bad, content);
        var e = Assert.Throws<InvalidDataException>(() => WeakVersionPatch.Apply(bad, "GLIBCXX_3.4.32"));
        Assert.Contains(bad, e.Message);
        Assert.Contains("ELF", e.Message);
    }

    [Fact]
    public void A_truncated_library_is_refused()
    {
        var lib = ShippedLibraryCopy();
        var bytes = File.ReadAllBytes(lib);
        File.WriteAllBytes(lib, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => WeakVersionPatch.Apply(lib, "GLIBCXX_3.4.32"));
        Assert.Contains(lib, e.Message);
    }

    [Fact]
    public void System_libstdcxx_version_definitions_are_read()
    {
        Assert.NotNull(LibStdCxx.Locate());
        Assert.True(LibStdCxx.Defines("GLIBCXX_3.4.30")); // Debian 12's and every newer libstdc++
        Assert.False(LibStdCxx.Defines("GLIBCXX_9.9.99"));
    }

    [Fact]
    public void Allocator_is_tuned_in_process()
    {
        Assert.True(GlibcAllocator.Configure());
        Assert.True(GlibcAllocator.IsConfigured);
    }
}
