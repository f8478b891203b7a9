using ImageBackup.FileRestore.Tests.Support;
using static ImageBackup.FileRestore.Tests.Support.DiskBuilder;

namespace ImageBackup.FileRestore.Tests.Fuzz;

/// <summary>Small real images for the fuzz test: bare ext4 and ext3, MBR with ext2 plus an LVM2 ext4 root, GPT with ext4.</summary>
internal static class FuzzImages
{
    public static List<(string Name, byte[] Bytes)> Build(string folder)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        WriteSmallTree(source);
        var images = new List<(string, byte[])>
        {
            ("ext4", File.ReadAllBytes(BuildExt(Path.Combine(folder, "ext4.img"), source, "-t ext4 -b 1024 -N 256", 4 * MiB))),
            ("ext3", File.ReadAllBytes(BuildExt(Path.Combine(folder, "ext3.img"), source, "-t ext3 -b 1024 -N 256", 4 * MiB))),
        };

        var mbr = Path.Combine(folder, "mbr.img");
        CreatePartitioned(mbr, 10 * MiB, "label: dos\nstart=2048, size=4096, type=83\nstart=6144, size=12288, type=8e\n");
        CopyInto(mbr, BuildExt(Path.Combine(folder, "p1.img"), source, "-t ext2 -b 1024 -N 128", 2 * MiB), 1 * MiB);
        var random = new Random(8);
        var pvId = LvmWriter.NewId(random);
        var metadata = new LvmMetadata("vg_fuzz", LvmWriter.NewId(random), 2, 2048)
            .PhysicalVolume("pv0", pvId, "/dev/sda2", 12288, 5)
            .LogicalVolume("lv_root", true, (0, 4, "striped", 0, [("pv0", 0)], ""));
        LvmWriter.WritePhysicalVolume(mbr, 3 * MiB, 6 * MiB, pvId, metadata.ToString());
        CopyInto(mbr, BuildExt(Path.Combine(folder, "lv.img"), source, "-t ext4 -b 1024 -N 256 -O ^metadata_csum,^64bit", 4 * MiB), 4 * MiB);
        images.Add(("mbr-lvm", File.ReadAllBytes(mbr)));

        var gpt = Path.Combine(folder, "gpt.img");
        CreatePartitioned(gpt, 6 * MiB, "label: gpt\nstart=2048, size=8192, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=\"data\"\n");
        CopyInto(gpt, BuildExt(Path.Combine(folder, "gp1.img"), source, "-t ext4 -N 256", 4 * MiB), 1 * MiB);
        images.Add(("gpt", File.ReadAllBytes(gpt)));
        return images;
    }

    private static void WriteSmallTree(string root)
    {
        var random = new Random(21);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var", "log"));
        Directory.CreateDirectory(Path.Combine(root, "many"));
        File.WriteAllText(Path.Combine(root, "etc", "hosts"), "127.0.0.1 localhost\n");
        File.CreateSymbolicLink(Path.Combine(root, "etc", "hosts.link"), "hosts");
        File.CreateSymbolicLink(Path.Combine(root, "etc", "long.link"), "/" + string.Concat(Enumerable.Repeat("segment/", 12)));
        File.WriteAllBytes(Path.Combine(root, "empty"), []);
        var big = new byte[300 << 10];
        random.NextBytes(big);
        File.WriteAllBytes(Path.Combine(root, "var", "log", "big.log"), big);
        for (var index = 0; index < 60; index++)
        {
            var bytes = new byte[random.Next(1, 6000)];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(root, "many", $"entry-with-a-longer-name-{index:D3}.bin"), bytes);
        }
    }
}
