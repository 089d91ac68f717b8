using System.Buffers.Binary;
using System.Text;

namespace MinhBach.Features.Documents.Extraction;

/// <summary>
/// Just enough of the OLE compound file format ([MS-CFB]) to tell what such a file is: the names of its
/// streams (a password-protected DOCX is a compound file with "EncryptionInfo" and "EncryptedPackage";
/// a Word 97–2003 document has "WordDocument") and the first bytes of a stream kept in regular sectors.
/// Every offset and chain is checked against the file, so a damaged file gives <c>null</c>, never a loop or
/// an exception.
/// </summary>
internal sealed class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly uint[] _fat;
    private readonly uint _miniStreamCutoff;

    /// <summary>The entries of the directory that are streams or storages, by name.</summary>
    public IReadOnlyList<CompoundFileEntry> Entries { get; }

    private CompoundFile(byte[] bytes, int sectorSize, uint[] fat, uint cutoff, List<CompoundFileEntry> entries)
    {
        _bytes = bytes;
        _sectorSize = sectorSize;
        _fat = fat;
        _miniStreamCutoff = cutoff;
        Entries = entries;
    }

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public bool Has(string name) => Entries.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses the header, the allocation table and the directory; null when the file is damaged.</summary>
    public static CompoundFile? TryOpen(byte[] bytes)
    {
        if (bytes.Length < 512 || !HasSignature(bytes)) return null;
        var header = bytes.AsSpan(0, 512);
        if (BinaryPrimitives.ReadUInt16LittleEndian(header[0x1C..]) != 0xFFFE) return null;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var sectorCount = (bytes.Length - 512 + sectorSize - 1) / sectorSize;
        if (sectorCount <= 0) return null;

        // The allocation table's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            var s = BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + i * 4)..]);
            if (s <= MaxRegularSector) fatSectors.Add(s);
        }
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
        var seen = 0;
        while (difat <= MaxRegularSector && seen++ < sectorCount)
        {
            if (!TrySector(bytes, sectorSize, difat, out var sector)) return null;
            var perSector = sectorSize / 4 - 1;
            for (var i = 0; i < perSector; i++)
            {
                var s = BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]);
                if (s <= MaxRegularSector) fatSectors.Add(s);
            }
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(perSector * 4)..]);
        }
        if (fatSectors.Count == 0 || fatSectors.Count > sectorCount) return null;
        var fat = new uint[fatSectors.Count * (sectorSize / 4)];
        for (var f = 0; f < fatSectors.Count; f++)
        {
            if (!TrySector(bytes, sectorSize, fatSectors[f], out var sector)) return null;
            for (var i = 0; i < sectorSize / 4; i++)
                fat[f * (sectorSize / 4) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]);
        }

        var entries = new List<CompoundFileEntry>();
        var dir = BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]);
        var steps = 0;
        while (dir <= MaxRegularSector)
        {
            if (steps++ > sectorCount || !TrySector(bytes, sectorSize, dir, out var sector)) return null;
            for (var offset = 0; offset + 128 <= sectorSize; offset += 128)
            {
                var entry = sector.Slice(offset, 128);
                var type = entry[0x42];
                if (type is not (1 or 2 or 5)) continue; // unused slots
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                if (nameBytes is < 2 or > 64 || nameBytes % 2 != 0) continue;
                var name = Encoding.Unicode.GetString(entry[..(nameBytes - 2)]);
                var start = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]);
                var size = BinaryPrimitives.ReadUInt64LittleEndian(entry[0x78..]);
                if (shift == 9) size &= 0xFFFFFFFF; // version 3 files: the high half is undefined
                entries.Add(new CompoundFileEntry(name, type == 2, start, size));
            }
            dir = dir < fat.Length ? fat[dir] : EndOfChain;
        }
        if (entries.Count == 0) return null;
        var cutoff = BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]);
        return new CompoundFile(bytes, sectorSize, fat, cutoff == 0 ? 4096 : cutoff, entries);
    }

    /// <summary>
    /// Up to <paramref name="count"/> bytes from the start of a stream stored in regular sectors; null for a
    /// missing stream, one kept in the mini stream (small streams) or a broken chain.
    /// </summary>
    public byte[]? ReadStart(string name, int count)
    {
        var entry = Entries.FirstOrDefault(e => e.IsStream && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null || entry.Size < _miniStreamCutoff) return null;
        var wanted = (int)Math.Min((ulong)count, entry.Size);
        var result = new byte[wanted];
        var filled = 0;
        var sector = entry.StartSector;
        var steps = 0;
        while (filled < wanted)
        {
            if (sector > MaxRegularSector || steps++ > _fat.Length || !TrySector(_bytes, _sectorSize, sector, out var data)) return null;
            var n = Math.Min(_sectorSize, wanted - filled);
            data[..n].CopyTo(result.AsSpan(filled));
            filled += n;
            sector = sector < _fat.Length ? _fat[sector] : EndOfChain;
        }
        return result;
    }

    private static bool TrySector(byte[] bytes, int sectorSize, uint sector, out ReadOnlySpan<byte> data)
    {
        var offset = ((long)sector + 1) * sectorSize;
        if (offset + sectorSize > bytes.Length)
        {
            data = default;
            return false;
        }
        data = bytes.AsSpan((int)offset, sectorSize);
        return true;
    }
}

internal sealed record CompoundFileEntry(string Name, bool IsStream, uint StartSector, ulong Size);
