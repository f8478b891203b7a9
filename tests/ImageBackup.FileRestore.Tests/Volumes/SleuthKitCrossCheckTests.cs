using System.Diagnostics;
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Volumes;

[TestClass]
public sealed class SleuthKitCrossCheckTests
{
    [TestMethod]
    public void The_boot_partition_lists_the_same_paths_and_inodes_as_fls_and_each_file_equals_icat()
    {
        // Arrange
        var disk = Fixtures.Rhel6.DiskPath;
        var sectorOffset = (Rhel6Disk.BootOffset / 512).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fls = Tools.RunSuccessfully("fls", "-r", "-p", "-o", sectorOffset, disk)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.Contains('*', StringComparison.Ordinal) && !line.Contains("$OrphanFiles", StringComparison.Ordinal))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (Type: parts[0].Split(' ')[0], Inode: ulong.Parse(parts[0].Split(' ')[1].TrimEnd(':'), System.Globalization.CultureInfo.InvariantCulture), Path: parts[1]))
            .ToList();
        using var source = new FileSource(disk);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(source).Find("p1"));

        // Act
        var ours = new List<(string Type, ulong Inode, string Path, FileEntry Entry)>();
        Walk(fileSystem, fileSystem.Root, "", ours);

        // Assert
        CollectionAssert.AreEquivalent(fls.Select(f => $"{f.Type} {f.Inode} {f.Path}").ToList(), ours.Select(o => $"{o.Type} {o.Inode} {o.Path}").ToList());
        foreach (var file in ours.Where(o => o.Entry.Kind == FileEntryKind.File))
        {
            var icat = Icat(disk, sectorOffset, file.Inode);
            using var stream = fileSystem.OpenRead(file.Entry);
            var mine = new MemoryStream();
            stream.CopyTo(mine);
            CollectionAssert.AreEqual(icat, mine.ToArray(), file.Path);
        }
    }

    private static void Walk(IReadOnlyFileSystem fileSystem, FileEntry directory, string prefix, List<(string, ulong, string, FileEntry)> into)
    {
        foreach (var entry in fileSystem.List(directory))
        {
            var type = entry.Kind switch { FileEntryKind.Directory => "d/d", FileEntryKind.Symlink => "l/l", FileEntryKind.File => "r/r", _ => "?" };
            into.Add((type, entry.NodeId, prefix + entry.Name, entry));
            if (entry.Kind == FileEntryKind.Directory)
            {
                Walk(fileSystem, entry, prefix + entry.Name + "/", into);
            }
        }
    }

    private static byte[] Icat(string disk, string sectorOffset, ulong inode)
    {
        var start = new ProcessStartInfo("icat") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-o", sectorOffset, disk, inode.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start icat (install sleuthkit)");
        var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"icat {inode}");
        return bytes.ToArray();
    }
}
