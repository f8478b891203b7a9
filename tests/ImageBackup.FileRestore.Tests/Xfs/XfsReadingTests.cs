using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Xfs;

namespace ImageBackup.FileRestore.Tests.Xfs;

[TestClass]
public sealed class XfsReadingTests
{
    private static readonly HashSet<string> Extras = ["pipe"];

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void Opening_a_cleanly_built_image_reports_xfs_its_label_and_no_warnings(int version)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        using var source = new ImageFileSource(fixture.ImagePath);

        // Act
        var fileSystem = XfsFileSystem.Open(source);

        // Assert
        Assert.AreEqual("xfs", fileSystem.Kind);
        Assert.AreEqual(XfsFixture.Label, fileSystem.Label);
        Assert.AreEqual(0, fileSystem.Warnings.Count, string.Join("; ", fileSystem.Warnings));
        Assert.AreEqual(FileEntryKind.Directory, fileSystem.Root.Kind);
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void Every_file_directory_and_link_reads_back_exactly_as_the_source_tree(int version)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = XfsFileSystem.Open(source);

        // Act
        var compared = TreeAssert.MatchesSource(fileSystem, fileSystem.Root, fixture.SourceRoot, Extras);

        // Assert
        Assert.IsTrue(compared > FixtureTree.NodeDirectoryEntries + 340, $"{compared} entries compared");
    }

    [TestMethod]
    public void An_image_with_64_bit_extent_counters_reads_back_exactly_as_the_source_tree()
    {
        // Arrange
        var fixture = XfsFixture.GetWithLargeExtentCounts();
        StringAssert.Contains(fixture.XfsDb("version"), "NREXT64");
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = XfsFileSystem.Open(source);

        // Act
        var compared = TreeAssert.MatchesSource(fileSystem, fileSystem.Root, fixture.SourceRoot, Extras);

        // Assert
        Assert.IsTrue(compared > FixtureTree.NodeDirectoryEntries + 340, $"{compared} entries compared");
    }

    [TestMethod]
    [DataRow(4, "/")]
    [DataRow(4, "/shortdir")]
    [DataRow(4, "/blockdir")]
    [DataRow(4, "/leafdir")]
    [DataRow(4, "/nodedir")]
    [DataRow(5, "/")]
    [DataRow(5, "/shortdir")]
    [DataRow(5, "/blockdir")]
    [DataRow(5, "/leafdir")]
    [DataRow(5, "/nodedir")]
    public void A_directory_listing_matches_xfs_db_names_and_inode_numbers(int version, string path)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = XfsFileSystem.Open(source);
        var expected = fixture.XfsDb($"ls {path}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns[5] is not ("." or ".."))
            .Select(columns => $"{columns[5]}={columns[1]}")
            .ToList();
        var directory = path == "/" ? fileSystem.Root : fileSystem.List(fileSystem.Root).Single(e => e.Name == path[1..]);

        // Act
        var actual = fileSystem.List(directory).Select(e => $"{e.Name}={e.NodeId}").ToList();

        // Assert
        CollectionAssert.AreEquivalent(expected, actual);
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void The_fixture_holds_short_form_block_leaf_and_node_directories_and_a_btree_fork(int version)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        var blockSize = int.Parse(Field(fixture.XfsDb("sb 0", "p blocksize"), "blocksize"), System.Globalization.CultureInfo.InvariantCulture);

        // Act
        string Format(string path) => Field(fixture.XfsDb($"path {path}", "p core.format"), "core.format");
        long Size(string path) => long.Parse(Field(fixture.XfsDb($"path {path}", "p core.size"), "core.size"), System.Globalization.CultureInfo.InvariantCulture);
        var leafMagic = Field(fixture.XfsDb("path /leafdir", "dblock 8388608", "type text", "p"), "000");

        // Assert
        Assert.AreEqual("1 (local)", Format("/shortdir"));
        Assert.AreEqual("2 (extents)", Format("/blockdir"));
        Assert.AreEqual(blockSize, Size("/blockdir"), "a block directory is exactly one directory block");
        Assert.AreEqual("2 (extents)", Format("/leafdir"));
        Assert.IsTrue(Size("/leafdir") > blockSize, "a leaf directory has several data blocks");
        StringAssert.Contains(leafMagic, version == 5 ? "3d f1" : "d2 f1", "leafdir has a single LEAF1 block (leaf format)");
        Assert.AreEqual("3 (btree)", Format("/nodedir"), "the 10,000-entry directory has a B+tree data fork");
        Assert.AreEqual("2 (extents)", Format("/data/random-1m.bin"));
        Assert.AreEqual("1 (local)", Format("/fast-link"));
        Assert.AreEqual(version == 4 ? "2 (extents)" : "1 (local)", Format("/long-link"), "v4 holds a remote symlink");
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void Links_the_fifo_and_modes_are_listed_as_stored(int version)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = XfsFileSystem.Open(source);

        // Act
        var root = fileSystem.List(fileSystem.Root).ToDictionary(e => e.Name);

        // Assert
        Assert.AreEqual(FileEntryKind.Other, root["pipe"].Kind);
        Assert.AreEqual("hello.txt", fileSystem.ReadLinkTarget(root["fast-link"]));
        Assert.AreEqual(FixtureTree.LongLinkTarget(version), fileSystem.ReadLinkTarget(root["long-link"]));
        Assert.AreEqual(0x1A4, root["hello.txt"].UnixMode);
        Assert.AreEqual(0x1ED, root["data"].UnixMode);
        Assert.IsTrue(Math.Abs((DateTimeOffset.UtcNow - root["hello.txt"].ModifiedAt).TotalDays) < 1, root["hello.txt"].ModifiedAt.ToString());
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void Seeking_into_a_file_reads_the_bytes_at_that_offset(int version)
    {
        // Arrange
        var fixture = XfsFixture.Get(version);
        using var source = new ImageFileSource(fixture.ImagePath);
        var fileSystem = XfsFileSystem.Open(source);
        var data = fileSystem.List(fileSystem.Root).Single(e => e.Name == "data");
        var file = fileSystem.List(data).Single(e => e.Name == "random-300k.bin");
        var expected = File.ReadAllBytes(Path.Combine(fixture.SourceRoot, "data", "random-300k.bin"));
        using var stream = fileSystem.OpenRead(file);
        var buffer = new byte[10_000];

        // Act
        stream.Seek(295_000, SeekOrigin.Begin);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

        // Assert
        Assert.AreEqual(5001, read);
        CollectionAssert.AreEqual(expected[295_000..], buffer[..read]);
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void A_hole_and_an_unwritten_extent_read_as_zeros(int version)
    {
        // Arrange: xfs_db -x moves the first extent of one file to logical block 2 (a 2-block hole before it) and marks another file's extent unwritten.
        var fixture = XfsFixture.Get(version);
        using var copy = fixture.CopyImage("holes.img");
        var image = copy.Path;
        var fork = version == 5 ? "u3.bmx[0]" : "u.bmx[0]";
        XfsFixture.XfsDbOn(image, readOnly: false, "path /data/random-1m.bin", $"write {fork}.startoff 2", $"write {fork}.blockcount 2",
            "path /data/random-300k.bin", $"write {fork}.extentflag 1");
        var original = File.ReadAllBytes(Path.Combine(fixture.SourceRoot, "data", "random-1m.bin"));
        using var source = new ImageFileSource(image);
        var fileSystem = XfsFileSystem.Open(source);
        var data = fileSystem.List(fileSystem.Root).Single(e => e.Name == "data");
        var entries = fileSystem.List(data).ToDictionary(e => e.Name);

        // Act
        var holey = ReadAll(fileSystem, entries["random-1m.bin"]);
        var unwritten = ReadAll(fileSystem, entries["random-300k.bin"]);

        // Assert
        Assert.AreEqual(original.Length, holey.Length);
        Assert.IsTrue(holey[..8192].All(b => b == 0), "logical blocks 0-1 are a hole");
        CollectionAssert.AreEqual(original[..8192], holey[8192..16384], "logical blocks 2-3 map to the extent's first blocks");
        Assert.IsTrue(holey[16384..].All(b => b == 0), "everything after the shortened extent is a hole");
        Assert.AreEqual(300_001, unwritten.Length);
        Assert.IsTrue(unwritten.All(b => b == 0), "an unwritten extent reads as zeros");
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void A_regular_file_with_a_btree_data_fork_reads_each_block_where_xfs_db_maps_it(int version)
    {
        // Arrange: mkfs -p writes files contiguously, so turn the 10,000-entry directory (a B+tree fork with ~150
        // extents) into a regular file with xfs_db -x; its bytes must be the blocks xfs_db's bmap lists, in order.
        var fixture = XfsFixture.Get(version);
        using var copy = fixture.CopyImage("btree-file.img");
        var image = copy.Path;
        XfsFixture.XfsDbOn(image, readOnly: false, "path /nodedir", "write core.mode 0100644");
        var blockSize = int.Parse(Field(fixture.XfsDb("sb 0", "p blocksize"), "blocksize"), System.Globalization.CultureInfo.InvariantCulture);
        var agBlocks = long.Parse(Field(fixture.XfsDb("sb 0", "p agblocks"), "agblocks"), System.Globalization.CultureInfo.InvariantCulture);
        var size = long.Parse(Field(XfsFixture.XfsDbOn(image, readOnly: true, "path /nodedir", "p core.format core.size"), "core.size"), System.Globalization.CultureInfo.InvariantCulture);
        var expected = new byte[size];
        var mapped = 0;
        using (var raw = File.OpenRead(image))
        {
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(
                XfsFixture.XfsDbOn(image, readOnly: true, "path /nodedir", "bmap"), @"data offset (\d+) startblock \d+ \((\d+)/(\d+)\) count (\d+)"))
            {
                var logical = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * blockSize;
                var physical = ((long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * agBlocks) + long.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)) * blockSize;
                var length = long.Parse(match.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) * blockSize;
                if (logical < size)
                {
                    raw.Position = physical;
                    raw.ReadExactly(expected, (int)logical, (int)Math.Min(length, size - logical));
                    mapped++;
                }
            }
        }

        using var source = new ImageFileSource(image);
        var fileSystem = XfsFileSystem.Open(source);
        var file = fileSystem.List(fileSystem.Root).Single(e => e.Name == "nodedir");

        // Act
        var actual = ReadAll(fileSystem, file);

        // Assert
        Assert.AreEqual(FileEntryKind.File, file.Kind);
        Assert.IsTrue(mapped > 100, $"{mapped} extents below the file size");
        Assert.AreEqual("3 (btree)", Field(XfsFixture.XfsDbOn(image, readOnly: true, "path /nodedir", "p core.format"), "core.format"));
        CollectionAssert.AreEqual(expected, actual);
    }

    [TestMethod]
    public void A_superblock_left_in_progress_by_mkfs_is_reported_as_a_warning()
    {
        // Arrange
        using var copy = XfsFixture.Get(5).CopyImage("inprogress.img");
        var image = copy.Path;
        XfsFixture.XfsDbOn(image, readOnly: false, "sb 0", "write inprogress 1");
        using var source = new ImageFileSource(image);

        // Act
        var fileSystem = XfsFileSystem.Open(source);

        // Assert
        Assert.IsTrue(fileSystem.Warnings.Any(w => w.Contains("sb_inprogress", StringComparison.Ordinal)), string.Join("; ", fileSystem.Warnings));
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(5)]
    public void A_log_whose_last_record_is_not_an_unmount_record_is_reported_as_dirty(int version)
    {
        // Arrange: mkfs leaves one unmount record at the log start; clear the XLOG_UNMOUNT_TRANS flag of its operation header.
        var fixture = XfsFixture.Get(version);
        using var copy = fixture.CopyImage("dirty-log.img");
        var image = copy.Path;
        var logStart = Field(fixture.XfsDb("sb 0", "p logstart"), "logstart");
        var converted = fixture.XfsDb($"convert fsblock {logStart} byte");
        var logOffset = long.Parse(converted[(converted.IndexOf('(', StringComparison.Ordinal) + 1)..converted.IndexOf(')', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        using (var file = new FileStream(image, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = logOffset + 512 + 9;
            Assert.AreEqual(0x20, file.ReadByte() & 0x20, "the fixture's last log record is an unmount record");
            file.Position = logOffset + 512 + 9;
            file.WriteByte(0);
        }

        using var source = new ImageFileSource(image);

        // Act
        var fileSystem = XfsFileSystem.Open(source);

        // Assert
        Assert.IsTrue(fileSystem.Warnings.Any(w => w.Contains("log is dirty", StringComparison.Ordinal)), string.Join("; ", fileSystem.Warnings));
    }

    [TestMethod]
    public void A_realtime_device_is_refused_by_name()
    {
        // Arrange
        using var copy = XfsFixture.Get(5).CopyImage("realtime.img");
        var image = copy.Path;
        XfsFixture.XfsDbOn(image, readOnly: false, "sb 0", "write -d rblocks 1000", "write -d rextents 1000");
        using var source = new ImageFileSource(image);

        // Act
        var refusal = Assert.ThrowsExactly<UnsupportedLayoutException>(() => XfsFileSystem.Open(source));

        // Assert
        StringAssert.Contains(refusal.Message, "realtime");
    }

    [TestMethod]
    public void An_unknown_incompatible_feature_is_refused_by_name()
    {
        // Arrange: bit 0x80 is the parent-pointer feature, newer than this reader.
        var fixture = XfsFixture.Get(5);
        using var copy = fixture.CopyImage("incompat.img");
        var image = copy.Path;
        var current = Convert.ToUInt32(Field(fixture.XfsDb("sb 0", "p features_incompat"), "features_incompat"), 16);
        XfsFixture.XfsDbOn(image, readOnly: false, "sb 0", $"write -d features_incompat {current | 0x80}");
        using var source = new ImageFileSource(image);

        // Act
        var refusal = Assert.ThrowsExactly<UnsupportedLayoutException>(() => XfsFileSystem.Open(source));

        // Assert
        StringAssert.Contains(refusal.Message, "parent pointers");
    }

    private static byte[] ReadAll(IReadOnlyFileSystem fileSystem, FileEntry file)
    {
        using var stream = fileSystem.OpenRead(file);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Field(string output, string name)
    {
        var line = output.Split('\n').First(l => l.StartsWith(name, StringComparison.Ordinal));
        return line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
    }
}
