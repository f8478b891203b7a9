using System.Text;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>
/// Real XFS images built without mounting: the fixture tree written through an <c>mkfs.xfs -p</c> protofile, one v4
/// (<c>-m crc=0</c>) and one v5 image, each checked with <c>xfs_repair -n</c>. Built once per test run.
/// </summary>
internal sealed class XfsFixture
{
    public const string Label = "restorefx";
    private static readonly Lazy<XfsFixture> V4Fixture = new(() => new XfsFixture(4));
    private static readonly Lazy<XfsFixture> V5Fixture = new(() => new XfsFixture(5));
    private static readonly Lazy<XfsFixture> V5LargeExtentCountsFixture = new(() => new XfsFixture(5, largeExtentCounts: true));

    private XfsFixture(int version, bool largeExtentCounts = false)
    {
        Version = version;
        Directory = FixtureDirectory.Create($"imagebackup-xfs-v{version}{(largeExtentCounts ? "n" : string.Empty)}");
        SourceRoot = FixtureTree.Build(Path.Combine(Directory, "src"), FixtureTree.LongLinkTarget(version));
        var protofile = Path.Combine(Directory, "proto");
        File.WriteAllText(protofile, Protofile(SourceRoot));
        ImagePath = Path.Combine(Directory, $"xfs-v{version}.img");
        using (var image = File.Create(ImagePath))
        {
            image.SetLength(300L << 20);
        }

        var crc = version == 5 ? "crc=1" : "crc=0";
        DiskTools.RunSuccessfully("mkfs.xfs", "-q", "-f", "-m", crc, "-i", largeExtentCounts ? "nrext64=1" : "nrext64=0", "-L", Label, "-p", protofile, ImagePath);
        DiskTools.RunSuccessfully("xfs_repair", "-n", ImagePath);
    }

    public static XfsFixture Get(int version) => version == 4 ? V4Fixture.Value : V5Fixture.Value;

    /// <summary>A v5 image made with <c>-i nrext64=1</c> (64-bit extent counters in every inode).</summary>
    public static XfsFixture GetWithLargeExtentCounts() => V5LargeExtentCountsFixture.Value;

    public int Version { get; }
    public string Directory { get; }
    public string SourceRoot { get; }
    public string ImagePath { get; }

    /// <summary>Runs read-only <c>xfs_db</c> commands on the image.</summary>
    public string XfsDb(params string[] commands) => XfsDbOn(ImagePath, readOnly: true, commands);

    /// <summary>Copies the image for a test that patches it with <c>xfs_db -x</c>.</summary>
    public ImageCopy CopyImage(string name)
    {
        var copy = Path.Combine(Directory, name);
        FixtureDirectory.SparseCopy(ImagePath, copy);
        return new ImageCopy(copy);
    }

    public static string XfsDbOn(string image, bool readOnly, params string[] commands)
    {
        var arguments = new List<string> { readOnly ? "-r" : "-x" };
        foreach (var command in commands)
        {
            arguments.Add("-c");
            arguments.Add(command);
        }

        arguments.Add(image);
        return DiskTools.RunSuccessfully("xfs_db", [.. arguments]);
    }

    private static string Protofile(string sourceRoot)
    {
        var proto = new StringBuilder("/dev/null\n0 0\nd--755 0 0\n");
        AppendDirectory(proto, sourceRoot);
        proto.Append("pipe p--644 0 0\n");
        proto.Append("$\n");
        return proto.ToString();
    }

    private static void AppendDirectory(StringBuilder proto, string directory)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.LinkTarget is { } target)
            {
                proto.Append($"{entry.Name} l--777 0 0 {target}\n");
            }
            else if (entry is DirectoryInfo)
            {
                proto.Append($"{entry.Name} d--755 0 0\n");
                AppendDirectory(proto, entry.FullName);
                proto.Append("$\n");
            }
            else
            {
                proto.Append($"{entry.Name} ---644 0 0 {entry.FullName}\n");
            }
        }
    }
}
