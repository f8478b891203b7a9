using static ImageBackup.FileRestore.Tests.Support.DiskBuilder;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>
/// GPT disk with two LVM PVs (p1, p2) in vg_data: lv_striped (2 stripes of 64 KiB, ext4 with metadata_csum and 64bit),
/// lv_span (linear, one segment on each PV, ext2) and refused LVs (thin, thin-pool, raid1, cache, snapshot and origin).
/// PV p2 carries an older metadata seqno that wraps around the end of its metadata area.
/// </summary>
internal sealed record StripedGptDisk(string DiskPath, string Source, string StripedImage, string SpanImage)
{
    public const long Pv0Offset = 1 * MiB;
    public const long Pv1Offset = 25 * MiB;
    public const long StripeBytes = 64 << 10;

    public static StripedGptDisk Build(string folder)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        SourceTree.WriteStandard(source, 11);
        var striped = BuildExt(Path.Combine(folder, "striped.img"), source, "-t ext4 -L striped", 32 * MiB);
        var span = BuildExt(Path.Combine(folder, "span.img"), source, "-t ext2 -L span", 6 * MiB);
        var disk = Path.Combine(folder, "disk.img");
        const string lvm = "E6D6D379-F507-44C2-A23C-238F2A3DF928";
        CreatePartitioned(disk, 52 * MiB, $"label: gpt\nstart=2048, size=49152, type={lvm}, name=\"pv-a\"\nstart=51200, size=49152, type={lvm}, name=\"pv-b\"\n");
        var random = new Random(3);
        var pv0 = LvmWriter.NewId(random);
        var pv1 = LvmWriter.NewId(random);
        var vgId = LvmWriter.NewId(random);
        string Metadata(long seqno, bool withSpan)
        {
            var m = new LvmMetadata("vg_data", vgId, seqno, 2048)
                .PhysicalVolume("pv0", pv0, "/dev/sda1", 49152, 23)
                .PhysicalVolume("pv1", pv1, "/dev/sda2", 49152, 23)
                .LogicalVolume("lv_striped", true, (0, 32, "striped", 128, [("pv0", 0), ("pv1", 0)], ""));
            if (withSpan)
            {
                m.LogicalVolume("lv_span", true, (0, 3, "striped", 0, [("pv0", 16)], ""), (3, 3, "striped", 0, [("pv1", 16)], ""));
            }
            return m
                .LogicalVolume("pool0", true, (0, 1, "thin-pool", 0, [], "metadata = \"pool0_tmeta\"\npool = \"pool0_tdata\"\ntransaction_id = 1\nchunk_size = 128\n"))
                .LogicalVolume("lv_thin", true, (0, 4, "thin", 0, [], "thin_pool = \"pool0\"\ntransaction_id = 0\ndevice_id = 1\n"))
                .LogicalVolume("lv_mirror", true, (0, 1, "raid1", 0, [], "device_count = 2\nregion_size = 1024\nraids = [\"lv_mirror_rmeta_0\", \"lv_mirror_rimage_0\"]\n"))
                .LogicalVolume("lv_cached", true, (0, 1, "cache", 0, [], "cache_pool = \"cpool\"\norigin = \"lv_cached_corig\"\n"))
                .LogicalVolume("lv_origin", true, (0, 1, "striped", 0, [("pv0", 19)], ""))
                .LogicalVolume("snap", true, (0, 1, "striped", 0, [("pv0", 20)], ""))
                .LogicalVolume("snapshot0", false, (0, 1, "snapshot", 0, [], "chunk_size = 8\norigin = \"lv_origin\"\ncow_store = \"snap\"\n"))
                .ToString();
        }
        LvmWriter.WritePhysicalVolume(disk, Pv0Offset, 24 * MiB, pv0, Metadata(7, withSpan: true));
        LvmWriter.WritePhysicalVolume(disk, Pv1Offset, 24 * MiB, pv1, Metadata(6, withSpan: false), textOffsetInArea: LvmWriter.PeStartBytes - LvmWriter.MetadataAreaOffset - 1024);
        WriteStriped(disk, striped);
        using (var image = File.OpenRead(span))
        {
            var buffer = new byte[3 * MiB];
            image.ReadExactly(buffer);
            WriteAt(disk, Pv0Offset + LvmWriter.PeStartBytes + (16 * MiB), buffer);
            image.ReadExactly(buffer);
            WriteAt(disk, Pv1Offset + LvmWriter.PeStartBytes + (16 * MiB), buffer);
        }
        return new StripedGptDisk(disk, source, striped, span);
    }

    private static void WriteStriped(string disk, string image)
    {
        var bytes = File.ReadAllBytes(image);
        using var target = new FileStream(disk, FileMode.Open, FileAccess.Write);
        for (long unit = 0; unit * StripeBytes < bytes.Length; unit++)
        {
            var pv = unit % 2 == 0 ? Pv0Offset : Pv1Offset;
            target.Position = pv + LvmWriter.PeStartBytes + (unit / 2 * StripeBytes);
            target.Write(bytes, (int)(unit * StripeBytes), (int)StripeBytes);
        }
    }
}
