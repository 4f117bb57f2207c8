using System.Buffers.Binary;

namespace MnistCourse.Native;

/// <summary>What <see cref="WeakVersionPatch.Apply"/> did to one file: nothing (the version is not required, or already weakly), or patched it.</summary>
public enum PatchOutcome { NotRequired, AlreadyWeak, Patched }

/// <summary>
/// Makes one symbol-version requirement of a shared library weak, so that the loader accepts a
/// system library that lacks that version.
/// </summary>
/// <remarks>
/// Why: TorchSharp 0.107's <c>libLibTorchSharp.so</c> requires <c>GLIBCXX_3.4.32</c> (GCC 13) for a
/// single marker symbol, <c>std::ios_base_library_init()</c>, that nothing calls (no relocation uses it).
/// Debian 12 and Ubuntu 22.04 stop at 3.4.30, so the library fails to load there. Setting
/// <c>VER_FLG_WEAK</c> (0x2) in that requirement's <c>vna_flags</c> turns the loader's fatal check into a
/// non-fatal one.
/// </remarks>
public static class WeakVersionPatch
{
    private const ushort VerFlagWeak = 0x2;

    /// <summary>
    /// Sets the weak flag on every requirement of <paramref name="version"/> in <paramref name="library"/>.
    /// Idempotent; writes atomically and keeps the file mode. Not an ELF64 library of the expected structure: InvalidDataException.
    /// </summary>
    public static PatchOutcome Apply(string library, string version)
    {
        var elf = ElfFile.Read(library);
        var strong = elf.VersionNeeds().Where(n => n.Version == version && (n.Flags & VerFlagWeak) == 0).ToList();
        if (strong.Count == 0)
            return elf.VersionNeeds().Any(n => n.Version == version) ? PatchOutcome.AlreadyWeak : PatchOutcome.NotRequired;

        var bytes = elf.Bytes;
        foreach (var need in strong)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)need.FlagsOffset), (ushort)(need.Flags | VerFlagWeak));

        AtomicFile.Write(library, temp =>
        {
            File.WriteAllBytes(temp, bytes);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(library));
        });
        return PatchOutcome.Patched;
    }
}
