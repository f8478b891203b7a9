using ImageBackup.FileRestore.Tests.Xfs;
using static ImageBackup.FileRestore.Tests.Support.DiskBuilder;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>
/// GPT disk shaped like a RHEL 7 install: p1 /boot XFS v5, p2 and p3 LVM2 PVs of VG "rhel" whose "root" LV (XFS v5)
/// is striped over both (2 × 64 KiB). The XFS image comes from the XFS reader's fixture (mkfs.xfs -p, xfs_repair -n).
/// </summary>
internal sealed record Rhel7Disk(string DiskPath, string XfsImage)
{
    public const long XfsBytes = 300L << 20;
    public const long StripeBytes = 64 << 10;
    public const long BootOffset = 1 * MiB;
    public const long Pv0Offset = BootOffset + XfsBytes;
    public const long PvBytes = (XfsBytes / 2) + (2 * MiB);
    public const long Pv1Offset = Pv0Offset + PvBytes;

    public static Rhel7Disk Build(string folder)
    {
        var xfs = XfsFixture.Get(5).ImagePath;
        var disk = Path.Combine(folder, "disk.img");
        const string lvm = "E6D6D379-F507-44C2-A23C-238F2A3DF928";
        const string linux = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
        long Sectors(long bytes) => bytes / 512;
        CreatePartitioned(disk, Pv1Offset + PvBytes + MiB,
            $"label: gpt\nstart={Sectors(BootOffset)}, size={Sectors(XfsBytes)}, type={linux}, name=\"boot\"\n"
            + $"start={Sectors(Pv0Offset)}, size={Sectors(PvBytes)}, type={lvm}\nstart={Sectors(Pv1Offset)}, size={Sectors(PvBytes)}, type={lvm}\n");
        CopyInto(disk, xfs, BootOffset);
        var random = new Random(77);
        var pv0 = LvmWriter.NewId(random);
        var pv1 = LvmWriter.NewId(random);
        var extents = XfsBytes / MiB;
        var metadata = new LvmMetadata("rhel", LvmWriter.NewId(random), 4, 2048)
            .PhysicalVolume("pv0", pv0, "/dev/sda2", Sectors(PvBytes), (PvBytes / MiB) - 1)
            .PhysicalVolume("pv1", pv1, "/dev/sda3", Sectors(PvBytes), (PvBytes / MiB) - 1)
            .LogicalVolume("root", true, (0, extents, "striped", StripeBytes / 512, [("pv0", 0), ("pv1", 0)], ""))
            .ToString();
        LvmWriter.WritePhysicalVolume(disk, Pv0Offset, PvBytes, pv0, metadata);
        LvmWriter.WritePhysicalVolume(disk, Pv1Offset, PvBytes, pv1, metadata);
        using (var image = File.OpenRead(xfs))
        using (var target = new FileStream(disk, FileMode.Open, FileAccess.Write))
        {
            var unit = new byte[StripeBytes];
            for (long index = 0; index * StripeBytes < XfsBytes; index++)
            {
                image.ReadExactly(unit);
                if (unit.AsSpan().ContainsAnyExcept((byte)0))
                {
                    target.Position = (index % 2 == 0 ? Pv0Offset : Pv1Offset) + LvmWriter.PeStartBytes + (index / 2 * StripeBytes);
                    target.Write(unit);
                }
            }
        }
        return new Rhel7Disk(disk, xfs);
    }
}
