using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Ntfs;
using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

[TestClass]
public sealed class NtfsFuzzTests
{
    [TestMethod]
    public void Mutated_metadata_ends_in_success_or_a_clear_refusal_within_bounds()
    {
        // Arrange: the fixture with the LZNT1-compressed file, so compressed data is mutated too.
        const int Cases = 1000;
        using var compressed = CompressedFileBuilder.Build(NtfsFixture.Get(), "fuzz-base.img");
        using var image = new ImageFileSource(compressed.ImagePath);
        var regions = MetadataRegions(compressed, image);

        // Act
        var outcome = FuzzHarness.Run(new CachedImageSource(image), regions, NtfsFileSystem.Open, seed: 7_000_000, Cases);

        // Assert
        Console.WriteLine($"fuzz outcome: {outcome}");
        Assert.AreEqual(Cases, outcome.Succeeded + outcome.Corrupt + outcome.Unsupported);
        Assert.IsTrue(outcome.Corrupt > Cases / 10, $"mutations should often be detected: {outcome}");
    }

    private static List<FuzzHarness.Region> MetadataRegions(CompressedFileBuilder.Result compressed, ImageFileSource image)
    {
        var path = compressed.ImagePath;
        var clusterSize = NtfsImagePatch.ClusterSize(path);
        var mft = NtfsImagePatch.Clusters(path, 0, "$DATA");
        long RecordOffset(ulong record) =>
            (mft[(int)((long)record * NtfsImagePatch.RecordSize / clusterSize)] * clusterSize) + ((long)record * NtfsImagePatch.RecordSize % clusterSize);

        var regions = new List<FuzzHarness.Region> { new("boot sector", 0, 512) };
        for (var record = 0UL; record < 12; record++)
        {
            regions.Add(new("system records", RecordOffset(record), NtfsImagePatch.RecordSize));
        }

        regions.AddRange(NtfsImagePatch.Clusters(path, 2, "$DATA").Take(4).Select(c => new FuzzHarness.Region("log file", c * clusterSize, clusterSize)));
        regions.Add(new("compressed data", compressed.FirstCluster * clusterSize, compressed.CompressedClusters * clusterSize));

        var fileSystem = NtfsFileSystem.Open(image);
        var pending = new Queue<FileEntry>([fileSystem.Root]);
        while (pending.Count > 0)
        {
            var directory = pending.Dequeue();
            regions.Add(new("directory records", RecordOffset(directory.NodeId), NtfsImagePatch.RecordSize));
            regions.AddRange(NtfsImagePatch.Clusters(path, directory.NodeId, "$INDEX_ALLOCATION")
                .Select(c => new FuzzHarness.Region(directory.Name == "nodedir" ? "large index blocks" : "index blocks", c * clusterSize, clusterSize)));
            foreach (var entry in fileSystem.List(directory))
            {
                regions.Add(new(entry.Name is "linked.bin" or "long-link" or "compressible.bin" or "sparse.bin" ? "special records" : "file records", RecordOffset(entry.NodeId), NtfsImagePatch.RecordSize));
                if (entry.Kind == FileEntryKind.Directory)
                {
                    pending.Enqueue(entry);
                }
            }
        }

        Assert.IsTrue(regions.Any(r => r.Category == "large index blocks"), "the 10,000-entry directory's INDX blocks are among the mutated regions");
        return regions;
    }
}
