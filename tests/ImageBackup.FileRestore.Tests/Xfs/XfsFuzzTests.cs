using System.Globalization;
using System.Text.RegularExpressions;
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Xfs;

namespace ImageBackup.FileRestore.Tests.Xfs;

[TestClass]
public sealed partial class XfsFuzzTests
{
    [TestMethod]
    [DataRow(4, 1000)]
    [DataRow(5, 1000)]
    public void Mutated_metadata_ends_in_success_or_a_clear_refusal_within_bounds(int version, int cases)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        using var image = new ImageFileSource(fixture.ImagePath);
        var regions = MetadataRegions(fixture, image);

        // Act
        var outcome = FuzzHarness.Run(new CachedImageSource(image), regions, XfsFileSystem.Open, seed: version * 1_000_000, cases);

        // Assert
        Console.WriteLine($"fuzz outcome: {outcome}");
        Assert.AreEqual(cases, outcome.Succeeded + outcome.Corrupt + outcome.Unsupported);
        Assert.IsTrue(outcome.Corrupt > cases / 10, $"mutations should often be detected: {outcome}");
    }

    private static List<FuzzHarness.Region> MetadataRegions(XfsFixture fixture, ImageFileSource image)
    {
        var geometry = fixture.XfsDb("sb 0", "p agblocks agcount blocksize sectsize inodesize inopblog agblklog logstart")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(" = "))
            .ToDictionary(pair => pair[0].Trim(), pair => long.Parse(pair[1].Trim(), CultureInfo.InvariantCulture));
        long agBlocks = geometry["agblocks"], blockSize = geometry["blocksize"], sectorSize = geometry["sectsize"];
        int inodeSize = (int)geometry["inodesize"], perBlockLog = (int)geometry["inopblog"], agBlockLog = (int)geometry["agblklog"];
        long FsBlockOffset(long fsBlock) => (((fsBlock >> agBlockLog) * agBlocks) + (fsBlock & ((1L << agBlockLog) - 1))) * blockSize;

        var regions = new List<FuzzHarness.Region>();
        for (var ag = 0L; ag < geometry["agcount"]; ag++)
        {
            regions.Add(new("ag headers", ag * agBlocks * blockSize, (int)(4 * sectorSize)));
        }

        regions.Add(new("log", FsBlockOffset(geometry["logstart"]), 4096));
        var fileSystem = XfsFileSystem.Open(image);
        var pending = new Queue<FileEntry>([fileSystem.Root]);
        while (pending.Count > 0)
        {
            var directory = pending.Dequeue();
            regions.Add(new(directory.Name == "nodedir" ? "big directory inode" : "inodes", FsBlockOffset((long)directory.NodeId >> perBlockLog) + (((long)directory.NodeId & ((1L << perBlockLog) - 1)) * inodeSize), inodeSize));
            foreach (var entry in fileSystem.List(directory))
            {
                regions.Add(new("inodes", FsBlockOffset((long)entry.NodeId >> perBlockLog) + (((long)entry.NodeId & ((1L << perBlockLog) - 1)) * inodeSize), inodeSize));
                if (entry.Kind == FileEntryKind.Directory)
                {
                    pending.Enqueue(entry);
                }
            }
        }

        foreach (var path in new[] { "/", "/data", "/blockdir", "/leafdir", "/nodedir", "/long-link" })
        {
            foreach (Match match in BmapLine().Matches(fixture.XfsDb($"path {path}", "bmap")))
            {
                var offset = ((long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * agBlocks) + long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) * blockSize;
                var length = (int)(long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) * blockSize);
                regions.Add(new(path == "/nodedir" ? "node directory blocks" : "directory blocks", offset, length));
            }
        }

        var fork = fixture.Version == 5 ? "u3" : "u";
        foreach (Match match in PointerLine().Matches(fixture.XfsDb("path /nodedir", $"p {fork}.bmbt.ptrs")))
        {
            regions.Add(new("bmbt blocks", FsBlockOffset(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)), (int)blockSize));
        }

        Assert.IsTrue(regions.Any(r => r.Category == "bmbt blocks"), "the node directory's B+tree block is among the mutated regions");
        return regions;
    }

    [GeneratedRegex(@"startblock \d+ \((\d+)/(\d+)\) count (\d+)")]
    private static partial Regex BmapLine();

    [GeneratedRegex(@"ptrs\[\d+\] = (\d+)")]
    private static partial Regex PointerLine();
}
