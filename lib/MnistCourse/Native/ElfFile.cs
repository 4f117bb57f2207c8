using System.Buffers.Binary;
using System.Text;

namespace MnistCourse.Native;

/// <summary>
/// The little of the ELF64 format that the course needs: section headers, string tables and the
/// GNU symbol-version sections (<c>.gnu.version_r</c> needs, <c>.gnu.version_d</c> definitions).
/// </summary>
/// <remarks>Reads the whole file into memory; shared libraries here are a few MB.</remarks>
internal sealed class ElfFile
{
    public const uint ShtGnuVerdef = 0x6ffffffd;
    public const uint ShtGnuVerneed = 0x6ffffffe;

    public string Path { get; }
    public byte[] Bytes { get; }
    public IReadOnlyList<Section> Sections { get; }

    public readonly record struct Section(uint Type, long Offset, long Size, uint Link, uint Info);

    private ElfFile(string path, byte[] bytes, IReadOnlyList<Section> sections)
    {
        Path = path;
        Bytes = bytes;
        Sections = sections;
    }

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

    /// <summary>The NUL-terminated string at <paramref name="offset"/> in the string table <paramref name="table"/>.</summary>
    public string StringAt(Section table, uint offset)
    {
        if (offset >= table.Size)
            throw new InvalidDataException($"{Path}: string offset {offset} outside its string table.");
        int start = (int)(table.Offset + offset);
        int end = Array.IndexOf(Bytes, (byte)0, start, (int)(table.Size - offset));
        if (end < 0) throw new InvalidDataException($"{Path}: unterminated string in string table.");
        return Encoding.ASCII.GetString(Bytes, start, end - start);
    }

    /// <summary>One version requirement (<c>Elf64_Vernaux</c>): its name and where its flags field lies in the file.</summary>
    public readonly record struct VersionNeed(string Library, string Version, ushort Flags, long FlagsOffset);

    /// <summary>Every version this file requires from the libraries it links to.</summary>
    public IEnumerable<VersionNeed> VersionNeeds()
    {
        foreach (var section in Sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strings = LinkedStrings(section);
            long entry = section.Offset;
            for (int n = 0; n < Math.Max(1, (int)section.Info) && n < 4096; n++)
            {
                Check(entry, 16, section);
                ushort count = U16(entry + 2);
                string library = StringAt(strings, U32(entry + 4));
                long aux = entry + U32(entry + 8);
                for (int a = 0; a < count; a++)
                {
                    Check(aux, 16, section);
                    yield return new VersionNeed(library, StringAt(strings, U32(aux + 8)), U16(aux + 4), aux + 4);
                    uint nextAux = U32(aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(entry + 12);
                if (next == 0) break;
                entry += next;
            }
        }
    }

    /// <summary>Every version this file defines (for a library such as libstdc++: GLIBCXX_3.4.30, …).</summary>
    public IEnumerable<string> VersionDefinitions()
    {
        foreach (var section in Sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strings = LinkedStrings(section);
            long entry = section.Offset;
            for (int n = 0; n < Math.Max(1, (int)section.Info) && n < 4096; n++)
            {
                Check(entry, 20, section);
                long aux = entry + U32(entry + 12);
                Check(aux, 8, section);
                yield return StringAt(strings, U32(aux));
                uint next = U32(entry + 16);
                if (next == 0) break;
                entry += next;
            }
        }
    }

    private Section LinkedStrings(Section section)
    {
        if (section.Link >= Sections.Count)
            throw new InvalidDataException($"{Path}: version section links to a missing string table.");
        return Sections[(int)section.Link];
    }

    private void Check(long at, int length, Section section)
    {
        if (at < section.Offset || at + length > section.Offset + section.Size)
            throw new InvalidDataException($"{Path}: version entry at {at} runs outside its section; the file is not structured as expected.");
    }

    private ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan((int)at));
    private uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)at));
}
