using ImageBackup.FileRestore.Tests.Ntfs;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Tests.Xfs;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>The four layouts used-blocks capture is checked on, built from the shared fixtures (no extra images).</summary>
internal static class UsedBlockCases
{
    /// <summary>RHEL 6 shape: MBR, ext4 /boot, LVM2 PV with a linear ext4 root and swap.</summary>
    public static UsedBlockCase MbrLvmExt4()
    {
        var disk = Fixtures.Rhel6;
        return new UsedBlockCase(disk.DiskPath,
        [
            new("p1", "extfs", disk.BootImage, r => [Shift(r, Rhel6Disk.BootOffset)]),
            new("vg_root/lv_root", "extfs", disk.RootImage, r => [Shift(r, Rhel6Disk.PvOffset + LvmWriter.PeStartBytes)]),
        ]);
    }

    /// <summary>RHEL 7 shape: GPT, XFS v5 /boot, XFS v5 root striped over two PVs (64 KiB stripes).</summary>
    public static UsedBlockCase GptXfsStriped()
    {
        var disk = Fixtures.Rhel7;
        return new UsedBlockCase(disk.DiskPath,
        [
            new("p1", "xfs", disk.XfsImage, r => [Shift(r, Rhel7Disk.BootOffset)]),
            new("rhel/root", "xfs", disk.XfsImage, Destripe),
        ]);
    }

    /// <summary>A bare XFS v4 file system.</summary>
    public static UsedBlockCase BareXfsV4()
    {
        var image = XfsFixture.Get(4).ImagePath;
        return new UsedBlockCase(image, [new("disk", "xfs", image, r => [r])]);
    }

    /// <summary>A bare NTFS file system filled by wimlib.</summary>
    public static UsedBlockCase BareNtfs()
    {
        var image = NtfsFixture.Get().ImagePath;
        return new UsedBlockCase(image, [new("disk", "ntfs", image, r => [r])]);
    }

    private static ByteRange Shift(ByteRange range, long by) => range with { Offset = range.Offset + by };

    /// <summary>Stripe unit i of the root LV lives on PV i % 2 at row i / 2.</summary>
    private static IEnumerable<ByteRange> Destripe(ByteRange range)
    {
        const long unit = Rhel7Disk.StripeBytes;
        for (var offset = range.Offset; offset < range.End;)
        {
            var index = offset / unit;
            var within = offset % unit;
            var length = Math.Min(unit - within, range.End - offset);
            var pv = index % 2 == 0 ? Rhel7Disk.Pv0Offset : Rhel7Disk.Pv1Offset;
            yield return new ByteRange(pv + LvmWriter.PeStartBytes + (index / 2 * unit) + within, length);
            offset += length;
        }
    }
}
