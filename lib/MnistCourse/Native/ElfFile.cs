using System.Buffers.Binary;
using System.Text;

namespace MnistCourse.Native;

/// <summary>
/// The little of the ELF64 format that the course needs: section headers, string tables and the
/// GNU symbol-version sections (<c>.gnu.version_r</c> needs, <c>.gnu.version_d</c> definitions).
/// </summary>
/// <remarks>Reads the whole file into memory; shared libraries here are a few MB.</remarks>
internal sealed class ElfFile(string path, byte[] bytes, IReadOnlyList<ElfFile.Section> sections)
{
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    public byte[] Bytes => bytes;

    public readonly record struct Section(uint Type, long Offset, long Size, uint Link, uint Info);

    /// <summary>Reads and checks the file; throws <see cref="InvalidDataException"/> naming the file if it is not ELF64 little-endian.</summary>
    public static ElfFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file (expected the bytes 7F 45 4C 46 at the start).");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"{path}: expected a 64-bit little-endian ELF file (class {bytes[4]}, data {bytes[5]}).");

        var span = bytes.AsSpan();
        long shoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        if (shentsize != 64 || shoff <= 0 || shoff + (long)shnum * shentsize > bytes.Length)
            throw new InvalidDataException($"{path}: section header table out of bounds or of unexpected size ({shentsize} bytes an entry).");

        var sections = new Section[shnum];
        for (int i = 0; i < shnum; i++)
        {
            var sh = span.Slice((int)(shoff + (long)i * shentsize), shentsize);
            var section = new Section(
                Type: BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]),
                Offset: (long)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]),
                Size: (long)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x20..]),
                Link: BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]),
                Info: BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2C..]));
            if (section.Type != 8 /* SHT_NOBITS */ && section.Offset + section.Size > bytes.Length)
                throw new InvalidDataException($"{path}: section {i} lies outside the file.");
            sections[i] = section;
        }
        return new ElfFile(path, bytes, sections);
    }

    private string StringAt(Section table, uint offset)
    {
        if (offset >= table.Size)
            throw new InvalidDataException($"{path}: string offset {offset} outside its string table.");
        int start = (int)(table.Offset + offset);
        int end = Array.IndexOf(bytes, (byte)0, start, (int)(table.Size - offset));
        if (end < 0) throw new InvalidDataException($"{path}: unterminated string in string table.");
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    /// <summary>One version requirement (<c>Elf64_Vernaux</c>): its name and where its flags field lies in the file.</summary>
    public readonly record struct VersionNeed(string Library, string Version, ushort Flags, long FlagsOffset);

    /// <summary>Every version this file requires from the libraries it links to.</summary>
    public IEnumerable<VersionNeed> VersionNeeds() =>
        from need in Entries(ShtGnuVerneed, size: 16, nextAt: 12)
        let library = StringAt(need.Strings, U32(need.At + 4))
        from aux in Chain(need.Section, need.At + U32(need.At + 8), count: U16(need.At + 2), size: 16, nextAt: 12)
        select new VersionNeed(library, StringAt(need.Strings, U32(aux + 8)), U16(aux + 4), aux + 4);

    /// <summary>Every version this file defines (for a library such as libstdc++: GLIBCXX_3.4.30, …).</summary>
    public IEnumerable<string> VersionDefinitions() =>
        from definition in Entries(ShtGnuVerdef, size: 20, nextAt: 16)
        let aux = Check(definition.At + U32(definition.At + 12), 8, definition.Section)
        select StringAt(definition.Strings, U32(aux));

    /// <summary>The entries of every section of <paramref name="type"/>, with the string table their names are in.</summary>
    /// <remarks>A section's entry count (sh_info) is read as 1 to 4096, so that a corrupt file cannot loop for long.</remarks>
    private IEnumerable<(Section Section, Section Strings, long At)> Entries(uint type, int size, int nextAt) =>
        from section in sections
        where section.Type == type
        let strings = section.Link < sections.Count ? sections[(int)section.Link]
            : throw new InvalidDataException($"{path}: version section links to a missing string table.")
        from at in Chain(section, section.Offset, Math.Clamp((int)section.Info, 1, 4096), size, nextAt)
        select (section, strings, at);

    /// <summary>
    /// A linked list of at most <paramref name="count"/> records of <paramref name="size"/> bytes inside <paramref name="section"/>,
    /// each holding at <paramref name="nextAt"/> the distance to the next (0 ends the list).
    /// </summary>
    private IEnumerable<long> Chain(Section section, long first, int count, int size, int nextAt)
    {
        long at = first;
        for (int n = 0; n < count; n++)
        {
            yield return Check(at, size, section);
            uint next = U32(at + nextAt);
            if (next == 0) yield break;
            at += next;
        }
    }

    /// <summary><paramref name="at"/>, once it is known that <paramref name="length"/> bytes from there lie inside the section.</summary>
    private long Check(long at, int length, Section section) =>
        at >= section.Offset && at + length <= section.Offset + section.Size ? at
            : throw new InvalidDataException($"{path}: version entry at {at} runs outside its section; the file is not structured as expected.");

    private ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)at));
    private uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at));
}
