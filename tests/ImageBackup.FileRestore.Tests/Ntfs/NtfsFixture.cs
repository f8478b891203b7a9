using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

/// <summary>
/// A real NTFS image built without mounting: <c>mkntfs -F -Q</c> on an image file, then the fixture tree captured
/// with <c>wimlib-imagex capture</c> and applied straight onto the image file with <c>wimlib-imagex apply</c>
/// (libntfs-3g). Besides the shared tree it holds a sparse file, a file with 150 hard links (whose $FILE_NAME
/// attributes overflow into extension records, so it has an $ATTRIBUTE_LIST), a non-resident reparse point (the
/// 603-character link) and a 192 KiB file that a test turns into an LZNT1-compressed one. Built once per run.
/// </summary>
internal sealed class NtfsFixture
{
    public const string Label = "restorefx";
    public const int HardLinks = 150;
    public const long SparseLength = 4L << 20;
    public const int CompressionUnit = 16 * 4096;
    private static readonly Lazy<NtfsFixture> Instance = new(() => new NtfsFixture());

    private NtfsFixture()
    {
        Directory = FixtureDirectory.Create("imagebackup-ntfs");
        SourceRoot = FixtureTree.Build(Path.Combine(Directory, "src"), FixtureTree.LongLinkTarget(4));
        AddNtfsExtras(SourceRoot);
        var wim = Path.Combine(Directory, "tree.wim");
        DiskTools.RunSuccessfully("wimlib-imagex", "capture", SourceRoot, wim, "--compress=none");
        ImagePath = Path.Combine(Directory, "ntfs.img");
        using (var image = File.Create(ImagePath))
        {
            image.SetLength(128L << 20);
        }

        DiskTools.RunSuccessfully("mkntfs", "-F", "-Q", "-L", Label, ImagePath);
        DiskTools.RunSuccessfully("wimlib-imagex", "apply", wim, ImagePath);
        DiskTools.RunSuccessfully("ntfsfix", "-n", ImagePath);
    }

    public static NtfsFixture Get() => Instance.Value;

    public string Directory { get; }
    public string SourceRoot { get; }
    public string ImagePath { get; }

    /// <summary>Copies the image for a test that patches it.</summary>
    public ImageCopy CopyImage(string name)
    {
        var copy = Path.Combine(Directory, name);
        FixtureDirectory.SparseCopy(ImagePath, copy);
        return new ImageCopy(copy);
    }

    /// <summary>NTFS reparse points store link targets with backslashes (wimlib translates them on apply).</summary>
    public static string LinkTarget(string unixTarget) => unixTarget.Replace('/', '\\');

    private static void AddNtfsExtras(string root)
    {
        var random = new Random(7);
        using (var sparse = File.Create(Path.Combine(root, "sparse.bin")))
        {
            sparse.Write("head"u8);
            sparse.Position = 1 << 20;
            var middle = new byte[10_000];
            random.NextBytes(middle);
            sparse.Write(middle);
            sparse.Position = SparseLength - 4;
            sparse.Write("tail"u8);
        }

        var links = System.IO.Directory.CreateDirectory(Path.Combine(root, "links")).FullName;
        var linked = new byte[200_000];
        random.NextBytes(linked);
        File.WriteAllBytes(Path.Combine(links, "linked.bin"), linked);
        DiskTools.RunSuccessfully("sh", "-c", $"cd '{links}' && for i in $(seq 1 {HardLinks}); do ln linked.bin hard-link-with-a-long-name-$i; done");

        // Three 64 KiB compression units: text (compressible), random (stored raw), zeros (a sparse unit).
        var compressible = new byte[3 * CompressionUnit];
        var text = string.Concat(Enumerable.Range(0, 4000).Select(i => $"line {i % 97} of a compressible file\n"));
        System.Text.Encoding.ASCII.GetBytes(text[..CompressionUnit]).CopyTo(compressible, 0);
        random.NextBytes(compressible.AsSpan(CompressionUnit, CompressionUnit));
        File.WriteAllBytes(Path.Combine(root, "compressible.bin"), compressible);
    }
}
