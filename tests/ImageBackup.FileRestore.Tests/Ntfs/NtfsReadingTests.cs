using System.Globalization;
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Ntfs;
using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

[TestClass]
public sealed class NtfsReadingTests
{
    [TestMethod]
    public void Opening_a_freshly_applied_image_reports_ntfs_its_label_and_no_warnings()
    {
        // Arrange
        using var source = new ImageFileSource(NtfsFixture.Get().ImagePath);

        // Act
        var fileSystem = NtfsFileSystem.Open(source);

        // Assert
        Assert.AreEqual("ntfs", fileSystem.Kind);
        Assert.AreEqual(NtfsFixture.Label, fileSystem.Label);
        Assert.AreEqual(0, fileSystem.Warnings.Count, string.Join("; ", fileSystem.Warnings));
        Assert.AreEqual(FileEntryKind.Directory, fileSystem.Root.Kind);
        Assert.AreEqual(5UL, fileSystem.Root.NodeId);
    }

    [TestMethod]
    public void Every_file_directory_and_link_reads_back_exactly_as_the_source_tree()
    {
        // Arrange
        var fixture = NtfsFixture.Get();
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = NtfsFileSystem.Open(source);

        // Act
        var compared = TreeAssert.MatchesSource(fileSystem, fileSystem.Root, fixture.SourceRoot, new HashSet<string>(), NtfsFixture.LinkTarget);

        // Assert
        Assert.IsTrue(compared > FixtureTree.NodeDirectoryEntries + NtfsFixture.HardLinks + 340, $"{compared} entries compared");
    }

    [TestMethod]
    [DataRow("/")]
    [DataRow("/nodedir")]
    [DataRow("/links")]
    [DataRow("/leafdir")]
    public void A_directory_listing_matches_ntfsls_names_and_record_numbers(string path)
    {
        // Arrange
        var fixture = NtfsFixture.Get();
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = NtfsFileSystem.Open(source);
        var expected = DiskTools.RunSuccessfully("ntfsls", "-i", "-p", path, fixture.ImagePath)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns[1] is not ("." or ".."))
            .Select(columns => $"{columns[1]}={columns[0]}")
            .ToList();
        var directory = path == "/" ? fileSystem.Root : fileSystem.List(fileSystem.Root).Single(e => e.Name == path[1..]);

        // Act
        var actual = fileSystem.List(directory).Select(e => $"{e.Name}={e.NodeId}").ToList();

        // Assert
        CollectionAssert.AreEquivalent(expected, actual);
    }

    [TestMethod]
    [DataRow("data/random-1m.bin")]
    [DataRow("sparse.bin")]
    [DataRow("links/linked.bin")]
    [DataRow("hello.txt")]
    [DataRow("nodedir/entry-with-a-longish-name-09999")]
    public void File_bytes_equal_ntfscat_and_sleuthkit_icat(string path)
    {
        // Arrange
        var fixture = NtfsFixture.Get();
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = NtfsFileSystem.Open(source);
        var entry = Resolve(fileSystem, path);
        var ntfscat = DiskTools.RunForBytes("ntfscat", fixture.ImagePath, "/" + path);
        var icat = DiskTools.RunForBytes("icat", fixture.ImagePath, entry.NodeId.ToString(CultureInfo.InvariantCulture));

        // Act
        using var stream = fileSystem.OpenRead(entry);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        // Assert
        CollectionAssert.AreEqual(ntfscat, copy.ToArray(), "ntfscat");
        CollectionAssert.AreEqual(icat, copy.ToArray(), "icat");
    }

    [TestMethod]
    public void The_fixture_holds_a_sparse_file_an_attribute_list_a_non_resident_reparse_point_and_a_multi_level_index()
    {
        // Arrange
        var fixture = NtfsFixture.Get();

        // Act
        string Info(string path) => DiskTools.RunSuccessfully("ntfsinfo", "-F", path, fixture.ImagePath);

        // Assert
        StringAssert.Contains(Info("/sparse.bin"), "SPARSE_FILE");
        StringAssert.Contains(Info("/links/linked.bin"), "$ATTRIBUTE_LIST");
        var longLink = Info("/long-link");
        var reparse = longLink[longLink.IndexOf("Dumping attribute $REPARSE_POINT", StringComparison.Ordinal)..];
        StringAssert.Contains(reparse[..300], "Resident: \t\t No", "the 603-character target makes the reparse point non-resident");
        var nodeDirectory = Info("/nodedir");
        StringAssert.Contains(nodeDirectory, "$INDEX_ALLOCATION");
        StringAssert.Contains(nodeDirectory, "Index header flags:\t 0x01", "the root node points at sub-nodes (large index)");
        Assert.IsTrue(Info("/data/random-1m.bin").Contains("Resident: \t\t No", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Sparse_runs_read_as_zeros_and_the_data_between_them_is_intact()
    {
        // Arrange
        var fixture = NtfsFixture.Get();
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = NtfsFileSystem.Open(source);
        var expected = File.ReadAllBytes(Path.Combine(fixture.SourceRoot, "sparse.bin"));
        using var stream = fileSystem.OpenRead(Resolve(fileSystem, "sparse.bin"));
        var buffer = new byte[20_000];

        // Act
        stream.Seek((1 << 20) - 5_000, SeekOrigin.Begin);
        stream.ReadExactly(buffer);

        // Assert
        Assert.AreEqual(NtfsFixture.SparseLength, stream.Length);
        CollectionAssert.AreEqual(expected[((1 << 20) - 5_000)..((1 << 20) + 15_000)], buffer);
    }

    [TestMethod]
    public void Links_are_listed_as_symlinks_with_their_substitute_names()
    {
        // Arrange
        using var source = new ImageFileSource(NtfsFixture.Get().ImagePath);
        var fileSystem = NtfsFileSystem.Open(source);

        // Act
        var root = fileSystem.List(fileSystem.Root).ToDictionary(e => e.Name);

        // Assert
        Assert.AreEqual(FileEntryKind.Symlink, root["fast-link"].Kind);
        Assert.AreEqual("hello.txt", fileSystem.ReadLinkTarget(root["fast-link"]));
        Assert.AreEqual(NtfsFixture.LinkTarget(FixtureTree.LongLinkTarget(4)), fileSystem.ReadLinkTarget(root["long-link"]));
        Assert.IsNull(root["hello.txt"].UnixMode);
        Assert.IsTrue(Math.Abs((DateTimeOffset.UtcNow - root["hello.txt"].ModifiedAt).TotalDays) < 1, root["hello.txt"].ModifiedAt.ToString());
    }

    [TestMethod]
    public void An_entry_in_the_dos_namespace_is_not_listed()
    {
        // Arrange: wimlib on Linux writes no 8.3 names, so mark shortdir's "a.txt" index entry as DOS-only (namespace 2).
        using var copy = NtfsFixture.Get().CopyImage("dos-name.img");
        NtfsImagePatch.Edit(copy.Path, NtfsImagePatch.RecordOf(copy.Path, "/shortdir"), record =>
        {
            var root = NtfsImagePatch.ValueOffset(record, NtfsImagePatch.FindAttribute(record, 0x90));
            var position = root + 16 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(root + 16));
            while (System.Text.Encoding.Unicode.GetString(record, position + 16 + 66, record[position + 16 + 64] * 2) != "a.txt")
            {
                position += System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(position + 8));
            }

            record[position + 16 + 65] = 2;
        });
        using var source = new ImageFileSource(copy.Path);
        var fileSystem = NtfsFileSystem.Open(source);

        // Act
        var names = fileSystem.List(Resolve(fileSystem, "shortdir")).Select(e => e.Name).ToList();

        // Assert
        CollectionAssert.AreEquivalent(new[] { "b.txt", "c.txt" }, names);
    }

    internal static FileEntry Resolve(IReadOnlyFileSystem fileSystem, string path)
    {
        var entry = fileSystem.Root;
        foreach (var part in path.Split('/'))
        {
            entry = fileSystem.List(entry).Single(e => e.Name == part);
        }

        return entry;
    }
}
