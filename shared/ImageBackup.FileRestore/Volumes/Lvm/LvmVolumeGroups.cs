using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>
/// Assembles LVM2 volume groups from the PVs found in the image (metadata with the highest seqno wins, PVs matched by
/// uuid) and turns their visible logical volumes into volumes; linear and striped LVs are read, every other segment
/// type (thin, cache, raid, mirror, snapshot…) and snapshot origins are listed with a refusal naming what was found.
/// </summary>
internal static class LvmVolumeGroups
{
    private const int MaxSegments = 10_000;
    private const int SectorSize = 512;

    /// <summary>The logical volumes of every volume group held by <paramref name="pvs"/>.</summary>
    public static List<Volume> Read(IReadOnlyList<LvmPhysicalVolume> pvs)
    {
        try
        {
            return ReadGroups(pvs);
        }
        catch (OverflowException)
        {
            throw new CorruptImageException("LVM2 metadata: sizes or offsets overflow");
        }
    }

    private static List<Volume> ReadGroups(IReadOnlyList<LvmPhysicalVolume> pvs)
    {
        var volumes = new List<Volume>();
        var groups = new Dictionary<string, (string Name, LvmSection Vg, long Seqno)>(StringComparer.Ordinal);
        foreach (var pv in pvs)
        {
            if (pv.Metadata is null)
            {
                continue;
            }
            foreach (var (name, value) in pv.Metadata.Values)
            {
                if (value is not LvmSection vg || vg.Section("physical_volumes") is null)
                {
                    continue;
                }
                var id = vg.String("id") ?? name;
                var seqno = vg.Number("seqno") ?? 0;
                if (!groups.TryGetValue(id, out var existing) || existing.Seqno < seqno)
                {
                    groups[id] = (name, vg, seqno);
                }
            }
        }
        var byUuid = pvs.GroupBy(pv => pv.Uuid).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (name, vg, _) in groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            volumes.AddRange(LogicalVolumes(name, vg, byUuid));
        }
        return volumes;
    }

    private static List<Volume> LogicalVolumes(string vgName, LvmSection vg, Dictionary<string, LvmPhysicalVolume> byUuid)
    {
        var extentSize = checked(vg.Required("extent_size", $"volume group {vgName}") * SectorSize);
        if (extentSize <= 0 || extentSize > (1L << 40))
        {
            throw new CorruptImageException($"LVM2 volume group {vgName}: extent size {extentSize} is out of range");
        }
        var pvAreas = new Dictionary<string, (IRandomAccessSource? Source, long PeStart, long PeCount, string Id)>(StringComparer.Ordinal);
        foreach (var (pvName, value) in vg.Section("physical_volumes")!.Values)
        {
            if (value is not LvmSection pv)
            {
                continue;
            }
            var id = pv.String("id") ?? "";
            var source = byUuid.GetValueOrDefault(id.Replace("-", "", StringComparison.Ordinal))?.Source;
            pvAreas[pvName] = (source, checked(pv.Required("pe_start", $"PV {pvName}") * SectorSize), pv.Required("pe_count", $"PV {pvName}"), id);
        }
        var lvs = vg.Section("logical_volumes")?.Values.Where(v => v.Value is LvmSection).ToDictionary(v => v.Key, v => (LvmSection)v.Value, StringComparer.Ordinal)
            ?? [];
        var snapshotRoles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (lvName, lv) in lvs)
        {
            foreach (var segment in Segments(lv))
            {
                if (segment.String("type") == "snapshot")
                {
                    if (segment.String("origin") is { } origin)
                    {
                        snapshotRoles[origin] = "origin of an LVM snapshot";
                    }
                    if (segment.String("cow_store") is { } cow)
                    {
                        snapshotRoles[cow] = "LVM snapshot";
                    }
                }
            }
        }
        var volumes = new List<Volume>();
        foreach (var (lvName, lv) in lvs)
        {
            var visible = lv.List("status").OfType<string>().Contains("VISIBLE");
            if (!visible)
            {
                continue;
            }
            var name = $"{vgName}/{lvName}";
            var segments = Segments(lv).ToList();
            var types = segments.Select(s => s.String("type") ?? "?").Distinct().ToList();
            var totalExtents = segments.Sum(s => Math.Max(0, s.Number("extent_count") ?? 0));
            var size = checked(totalExtents * extentSize);
            var description = types.Count == 1 && types[0] == "striped"
                ? (segments.Any(s => (s.Number("stripe_count") ?? 1) > 1) ? "LVM striped" : "LVM linear")
                : "LVM " + string.Join("+", types);
            string? refusal = null;
            if (snapshotRoles.TryGetValue(lvName, out var role))
            {
                refusal = $"{name} is an {role}; file restore does not read snapshot volumes";
            }
            else if (types.FirstOrDefault(t => t != "striped") is { } unsupported)
            {
                refusal = $"{name} is an LVM '{unsupported}' volume; file restore reads linear and striped volumes only";
            }
            IRandomAccessSource source = EmptySource.Instance;
            if (refusal is null)
            {
                try
                {
                    source = Build(name, segments, extentSize, pvAreas);
                }
                catch (UnsupportedLayoutException e)
                {
                    refusal = e.Message;
                }
            }
            volumes.Add(new Volume(name, VolumeKind.LogicalVolume, size, null, null, description, refusal, source));
        }
        return volumes;
    }

    private static IEnumerable<LvmSection> Segments(LvmSection lv)
    {
        var count = lv.Number("segment_count") ?? 0;
        if (count < 0 || count > MaxSegments)
        {
            throw new CorruptImageException($"LVM2 logical volume has {count} segments");
        }
        for (var index = 1; index <= count; index++)
        {
            yield return lv.Section($"segment{index}") ?? throw new CorruptImageException($"LVM2 logical volume lacks segment{index}");
        }
    }

    private static LogicalVolumeSource Build(string name, List<LvmSection> segments, long extentSize,
        Dictionary<string, (IRandomAccessSource? Source, long PeStart, long PeCount, string Id)> pvAreas)
    {
        var built = new List<LvmSegment>();
        long nextExtent = 0;
        foreach (var segment in segments.OrderBy(s => s.Number("start_extent") ?? 0))
        {
            var start = segment.Required("start_extent", name);
            var count = segment.Required("extent_count", name);
            var stripeCount = segment.Number("stripe_count") ?? 1;
            var stripes = segment.List("stripes");
            if (start != nextExtent || count <= 0 || count > (1L << 50) / extentSize || stripeCount < 1 || stripeCount > 128
                || stripes.Count != stripeCount * 2 || count % stripeCount != 0)
            {
                throw new CorruptImageException($"LVM2 {name}: segment at extent {start} ({count} extents, {stripeCount} stripes) is inconsistent");
            }
            var stripeSize = stripeCount > 1 ? (segment.Number("stripe_size") ?? 0) * SectorSize : extentSize;
            if (stripeSize <= 0 || extentSize % stripeSize != 0)
            {
                throw new CorruptImageException($"LVM2 {name}: stripe size {stripeSize} does not divide the extent size");
            }
            var perStripe = count / stripeCount;
            var areas = new List<(IRandomAccessSource, long)>();
            for (var i = 0; i < stripeCount; i++)
            {
                if (stripes[i * 2] is not string pvName || stripes[(i * 2) + 1] is not long firstExtent || !pvAreas.TryGetValue(pvName, out var pv))
                {
                    throw new CorruptImageException($"LVM2 {name}: stripe {i} names no known PV");
                }
                if (pv.Source is null)
                {
                    throw new UnsupportedLayoutException($"{name} needs PV {pv.Id}, which is not in this image (a volume group spanning several disks)");
                }
                if (firstExtent < 0 || firstExtent + perStripe > pv.PeCount)
                {
                    throw new CorruptImageException($"LVM2 {name}: stripe {i} uses extents {firstExtent}+{perStripe} beyond the {pv.PeCount} of {pvName}");
                }
                var offset = checked(pv.PeStart + (firstExtent * extentSize));
                if (offset < 0 || checked(offset + (perStripe * extentSize)) > pv.Source.Length)
                {
                    throw new CorruptImageException($"LVM2 {name}: stripe {i} reaches beyond PV {pvName}");
                }
                areas.Add((pv.Source, offset));
            }
            built.Add(new LvmSegment(checked(start * extentSize), checked(count * extentSize), stripeSize, areas));
            nextExtent = start + count;
        }
        if (built.Count == 0)
        {
            throw new CorruptImageException($"LVM2 {name} has no segments");
        }
        return new LogicalVolumeSource(built, nextExtent * extentSize);
    }
}
