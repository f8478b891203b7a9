using static ImageBackup.FileRestore.Tests.Support.DiskBuilder;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>MBR disk shaped like a RHEL 6 install: p1 /boot ext4, p2 LVM2 PV with vg_root/lv_root (ext4) and vg_root/lv_swap.</summary>
internal sealed record Rhel6Disk(string DiskPath, string BootSource, string RootSource, string BootImage, string RootImage)
{
    public const long BootOffset = 1 * MiB;
    public const long PvOffset = 17 * MiB;

    public static Rhel6Disk Build(string folder)
    {
        var bootSource = Directory.CreateDirectory(Path.Combine(folder, "boot-src")).FullName;
        var rootSource = Directory.CreateDirectory(Path.Combine(folder, "root-src")).FullName;
        var random = new Random(6);
        Directory.CreateDirectory(Path.Combine(bootSource, "grub"));
        File.WriteAllText(Path.Combine(bootSource, "grub", "grub.conf"), "default=0\ntimeout=5\ntitle Red Hat Enterprise Linux (2.6.32-358.el6.x86_64)\n");
        var kernel = new byte[(2 << 20) + 123];
        random.NextBytes(kernel);
        File.WriteAllBytes(Path.Combine(bootSource, "vmlinuz-2.6.32-358.el6.x86_64"), kernel);
        SourceTree.WriteStandard(rootSource, 60);

        var bootImage = BuildExt(Path.Combine(folder, "boot.img"), bootSource, "-t ext4 -O ^metadata_csum,^64bit -L boot", 16 * MiB);
        var rootImage = BuildExt(Path.Combine(folder, "root.img"), rootSource, "-t ext4 -O ^metadata_csum,^64bit -L root", 32 * MiB);
        var disk = Path.Combine(folder, "disk.img");
        CreatePartitioned(disk, 66 * MiB, "label: dos\nstart=2048, size=32768, type=83, bootable\nstart=34816, size=98304, type=8e\n");
        CopyInto(disk, bootImage, BootOffset);
        var random2 = new Random(7);
        var pvId = LvmWriter.NewId(random2);
        var metadata = new LvmMetadata("vg_root", LvmWriter.NewId(random2), 3, 8192)
            .PhysicalVolume("pv0", pvId, "/dev/sda2", 98304, 11)
            .LogicalVolume("lv_root", true, (0, 8, "striped", 0, [("pv0", 0)], ""))
            .LogicalVolume("lv_swap", true, (0, 2, "striped", 0, [("pv0", 8)], ""));
        LvmWriter.WritePhysicalVolume(disk, PvOffset, 48 * MiB, pvId, metadata.ToString());
        CopyInto(disk, rootImage, PvOffset + LvmWriter.PeStartBytes);
        WriteAt(disk, PvOffset + LvmWriter.PeStartBytes + (32 * MiB) + 4086, "SWAPSPACE2"u8);
        return new Rhel6Disk(disk, bootSource, rootSource, bootImage, rootImage);
    }
}
