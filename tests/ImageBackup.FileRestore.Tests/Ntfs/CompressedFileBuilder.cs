using System.Buffers.Binary;
using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

/// <summary>
/// Turns the fixture's compressible.bin into an LZNT1-compressed file the way NTFS stores one (no mount-free tool
/// writes compressed files): unit 0 compressed by <see cref="Lznt1Compressor"/> into k clusters followed by 16 - k
/// sparse ones, unit 1 stored raw (16 clusters), unit 2 all sparse; the $DATA header gets the 0x48-byte compressed
/// form, compression unit 4 and the new runlist, and $STANDARD_INFORMATION the compressed attribute.
/// </summary>
internal static class CompressedFileBuilder
{
    /// <summary>The patched image with the record number and the clusters holding unit 0's compressed bytes.</summary>
    public sealed record Result(ImageCopy Copy, ulong Record, long FirstCluster, int CompressedClusters) : IDisposable
    {
        public string ImagePath => Copy.Path;

        public void Dispose() => Copy.Dispose();
    }

    public static Result Build(NtfsFixture fixture, string name)
    {
        var copy = fixture.CopyImage(name);
        var image = copy.Path;
        var record = NtfsImagePatch.RecordOf(image, "/compressible.bin");
        var clusterSize = NtfsImagePatch.ClusterSize(image);
        var clusters = NtfsImagePatch.Clusters(image, record, "$DATA");
        Assert.AreEqual(4096, clusterSize);
        Assert.AreEqual(48, clusters.Count);
        Assert.IsTrue(clusters.Select((c, i) => c - i).Distinct().Count() == 1, "the fixture file is one contiguous run");
        var original = File.ReadAllBytes(Path.Combine(fixture.SourceRoot, "compressible.bin"));
        var unit0 = Lznt1Compressor.Compress(original.AsSpan(0, NtfsFixture.CompressionUnit));
        var k = (unit0.Length + clusterSize - 1) / clusterSize;
        Assert.IsTrue(k < 16, $"unit 0 compresses to {k} clusters");
        using (var file = new FileStream(image, FileMode.Open, FileAccess.Write))
        {
            file.Position = clusters[0] * clusterSize;
            file.Write(unit0);
            file.Write(new byte[(k * clusterSize) - unit0.Length]);
        }

        var runs = Run(k, clusters[0]).Concat(Run(16 - k, null)).Concat(Run(16, 16)).Concat(Run(16, null)).Append((byte)0).ToArray();
        NtfsImagePatch.Edit(image, record, bytes => MakeCompressed(bytes, runs, (k + 16L) * clusterSize));
        return new Result(copy, record, clusters[0], k);
    }

    /// <summary>Replaces the $DATA attribute header with the 0x48-byte compressed form and the new runlist.</summary>
    private static void MakeCompressed(byte[] record, byte[] runs, long compressedSize)
    {
        var at = NtfsImagePatch.FindAttribute(record, 0x80);
        var oldLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(at + 4));
        var newLength = (0x48 + runs.Length + 7) & ~7;
        var attribute = new byte[newLength];
        record.AsSpan(at, 0x40).CopyTo(attribute);
        BinaryPrimitives.WriteUInt32LittleEndian(attribute.AsSpan(4), (uint)newLength);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(0x0A), 0x48);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(0x0C), 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(0x20), 0x48);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(0x22), 4);
        BinaryPrimitives.WriteInt64LittleEndian(attribute.AsSpan(0x40), compressedSize);
        runs.CopyTo(attribute, 0x48);

        var used = (int)BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(0x18));
        var tail = record.AsSpan((at + oldLength)..used).ToArray();
        attribute.CopyTo(record, at);
        tail.CopyTo(record, at + newLength);
        var newUsed = used - oldLength + newLength;
        Assert.IsTrue(newUsed <= NtfsImagePatch.RecordSize - 8);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(0x18), (uint)newUsed);
        var information = NtfsImagePatch.ValueOffset(record, NtfsImagePatch.FindAttribute(record, 0x10));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(information + 0x20), BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(information + 0x20)) | 0x800);
    }

    /// <summary>One mapping pair: <paramref name="length"/> clusters at an LCN delta, or sparse when the delta is null.</summary>
    private static IEnumerable<byte> Run(long length, long? lcnDelta)
    {
        var lengthBytes = MinimalSigned(length);
        var deltaBytes = lcnDelta is { } delta ? MinimalSigned(delta) : [];
        return new[] { (byte)((deltaBytes.Length << 4) | lengthBytes.Length) }.Concat(lengthBytes).Concat(deltaBytes);
    }

    private static byte[] MinimalSigned(long value)
    {
        var bytes = new List<byte>();
        do
        {
            bytes.Add((byte)value);
            value >>= 8;
        }
        while (!((value == 0 && (bytes[^1] & 0x80) == 0) || (value == -1 && (bytes[^1] & 0x80) != 0)));

        return [.. bytes];
    }
}
