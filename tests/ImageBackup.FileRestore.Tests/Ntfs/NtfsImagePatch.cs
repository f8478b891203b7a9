using System.Buffers.Binary;
using System.Globalization;
using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

/// <summary>
/// Edits MFT records of a copied fixture image for refusal, warning and compression tests: records are located with
/// Sleuth Kit (<c>ifind</c> for the record number, <c>istat</c> for the $MFT clusters), fixups are undone before the
/// edit and redone after it, as NTFS itself writes records.
/// </summary>
internal static class NtfsImagePatch
{
    public const int RecordSize = 1024;

    /// <summary>MFT record number of <paramref name="path"/> per Sleuth Kit's ifind.</summary>
    public static ulong RecordOf(string image, string path) =>
        ulong.Parse(DiskTools.RunSuccessfully("ifind", "-n", path, image).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Cluster size from the boot sector.</summary>
    public static int ClusterSize(string image)
    {
        var boot = new byte[512];
        using var file = File.OpenRead(image);
        file.ReadExactly(boot);
        return BinaryPrimitives.ReadUInt16LittleEndian(boot.AsSpan(0x0B)) * boot[0x0D];
    }

    /// <summary>Clusters of one attribute of <paramref name="record"/>, in VCN order, as listed by istat.</summary>
    public static List<long> Clusters(string image, ulong record, string attributeType)
    {
        var lines = DiskTools.RunSuccessfully("istat", image, record.ToString(CultureInfo.InvariantCulture)).Split('\n');
        var clusters = new List<long>();
        var inside = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("Type: ", StringComparison.Ordinal))
            {
                inside = line.StartsWith($"Type: {attributeType} ", StringComparison.Ordinal) && line.Contains("Non-Resident", StringComparison.Ordinal);
                continue;
            }

            if (inside)
            {
                clusters.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture)));
            }
        }

        return clusters;
    }

    /// <summary>Byte offset of MFT record <paramref name="record"/> in the image.</summary>
    public static long RecordOffset(string image, ulong record)
    {
        var clusterSize = ClusterSize(image);
        var mft = Clusters(image, 0, "$DATA");
        var byteInMft = (long)record * RecordSize;
        return (mft[(int)(byteInMft / clusterSize)] * clusterSize) + (byteInMft % clusterSize);
    }

    /// <summary>Undoes fixups of a record, lets <paramref name="edit"/> change it, redoes fixups and writes it back.</summary>
    public static void Edit(string image, ulong record, Action<byte[]> edit) => EditAt(image, RecordOffset(image, record), RecordSize, "FILE", edit);

    /// <summary>Same for any multi-sector record (FILE or INDX) of <paramref name="size"/> bytes at <paramref name="offset"/>.</summary>
    public static void EditAt(string image, long offset, int size, string signature, Action<byte[]> edit)
    {
        var raw = new byte[size];
        using var file = new FileStream(image, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        file.ReadExactly(raw);
        Assert.AreEqual(signature, System.Text.Encoding.ASCII.GetString(raw, 0, 4), $"record at {offset}");
        int usa = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(4));
        for (var i = 1; i <= size / 512; i++)
        {
            raw[(i * 512) - 2] = raw[usa + (i * 2)];
            raw[(i * 512) - 1] = raw[usa + (i * 2) + 1];
        }

        edit(raw);
        for (var i = 1; i <= size / 512; i++)
        {
            raw[usa + (i * 2)] = raw[(i * 512) - 2];
            raw[usa + (i * 2) + 1] = raw[(i * 512) - 1];
            raw[(i * 512) - 2] = raw[usa];
            raw[(i * 512) - 1] = raw[usa + 1];
        }

        file.Position = offset;
        file.Write(raw);
    }

    /// <summary>Offset of the first attribute of <paramref name="type"/> in a fixed-up record.</summary>
    public static int FindAttribute(byte[] record, uint type)
    {
        int position = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(0x14));
        while (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(position)) is var current && current != 0xFFFFFFFF)
        {
            if (current == type)
            {
                return position;
            }

            position += (int)BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(position + 4));
        }

        throw new InvalidOperationException($"attribute 0x{type:x} not found");
    }

    /// <summary>Offsets of the sub-node VCN fields of the index node whose header starts at <paramref name="header"/>.</summary>
    public static List<int> SubNodePointers(byte[] node, int header)
    {
        var position = header + (int)BinaryPrimitives.ReadUInt32LittleEndian(node.AsSpan(header));
        var pointers = new List<int>();
        while (true)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(node.AsSpan(position + 8));
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(node.AsSpan(position + 12));
            if ((flags & 1) != 0)
            {
                pointers.Add(position + length - 8);
            }

            if ((flags & 2) != 0)
            {
                return pointers;
            }

            position += length;
        }
    }

    /// <summary>Offset of the value of the resident attribute at <paramref name="attribute"/>.</summary>
    public static int ValueOffset(byte[] record, int attribute) => attribute + BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(attribute + 0x14));
}
