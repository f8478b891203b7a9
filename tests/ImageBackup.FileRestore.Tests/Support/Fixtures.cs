namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>The shared fixture images, each built once per test run (in parallel-safe lazies) and deleted at the end.</summary>
[TestClass]
public static class Fixtures
{
    private static readonly Lazy<string> Root = new(() => Directory.CreateTempSubdirectory("file-restore-fixtures-").FullName);
    private static readonly Lazy<Rhel6Disk> LazyRhel6 = new(() => Rhel6Disk.Build(Folder("rhel6")));
    private static readonly Lazy<ExtendedMbrDisk> LazyExtended = new(() => ExtendedMbrDisk.Build(Folder("extended")));
    private static readonly Lazy<StripedGptDisk> LazyStriped = new(() => StripedGptDisk.Build(Folder("striped")));
    private static readonly Lazy<BareExtDisk> LazyExt3 = new(() => BareExtDisk.BuildExt3Indirect(Folder("ext3")));
    private static readonly Lazy<BareExtDisk> LazyHtree = new(() => BareExtDisk.BuildHtree(Folder("htree")));
    private static readonly Lazy<Rhel7Disk> LazyRhel7 = new(() => Rhel7Disk.Build(Folder("rhel7")));

    /// <summary>RHEL 6 shape: MBR, /boot ext4 (no metadata_csum, no 64bit) and LVM2 with an ext4 root.</summary>
    internal static Rhel6Disk Rhel6 => LazyRhel6.Value;

    /// <summary>MBR with an extended partition holding two logical partitions.</summary>
    internal static ExtendedMbrDisk Extended => LazyExtended.Value;

    /// <summary>GPT with two LVM PVs: a striped LV, a linear LV spanning both, and refused LV types.</summary>
    internal static StripedGptDisk Striped => LazyStriped.Value;

    /// <summary>Bare ext3 (1 KiB blocks) with single, double and triple indirect blocks.</summary>
    internal static BareExtDisk Ext3 => LazyExt3.Value;

    /// <summary>Bare ext4 (metadata_csum, 64bit) with a hashed directory of 10,000 entries.</summary>
    internal static BareExtDisk Htree => LazyHtree.Value;

    /// <summary>RHEL 7 shape: GPT, /boot XFS v5, LVM2 with an XFS v5 root striped over two PVs.</summary>
    internal static Rhel7Disk Rhel7 => LazyRhel7.Value;

    [AssemblyCleanup]
    public static void DeleteFixtures()
    {
        if (Root.IsValueCreated)
        {
            try
            {
                Directory.Delete(Root.Value, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root.Value, name)).FullName;
}
