using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Volumes.Lvm;

namespace ImageBackup.FileRestore.Volumes;

/// <summary>
/// Finds the volumes of a disk image: a bare file system, MBR (with logical partitions) or GPT partitions, and LVM2
/// logical volumes over the PVs among them; each is probed for its file system. Refusals of whole disks (LDM) are
/// thrown, refusals of single volumes (thin LVs, Storage Spaces, ReFS…) are listed with their reason.
/// </summary>
public static class VolumeDiscovery
{
    /// <summary>The volumes of <paramref name="disk"/>, in table order, logical volumes last.</summary>
    public static DiscoveredVolumes Discover(IRandomAccessSource disk)
    {
        var notes = new List<string>();
        var volumes = new List<Volume>();
        var pvs = new List<LvmPhysicalVolume>();
        var (type, label) = FileSystemProbe.Probe(disk);
        if (type is not null && type is not "vfat" && type is not "swap")
        {
            volumes.Add(Probed("disk", VolumeKind.Disk, disk, "whole disk", null, null));
            return new DiscoveredVolumes(volumes, notes);
        }
        if (LvmPhysicalVolume.HasLabel(disk))
        {
            pvs.Add(LvmPhysicalVolume.Read("disk", disk));
            volumes.Add(new Volume("disk", VolumeKind.Disk, disk.Length, "LVM2_member", null, "whole disk", "LVM2 physical volume: open its logical volumes (vg/lv)", disk));
        }
        else
        {
            List<PartitionEntry> partitions;
            var mbr = MbrPartitionTable.IsPresent(disk, out var protective);
            if (GptPartitionTable.IsPresent(disk) && (protective || !mbr))
            {
                partitions = GptPartitionTable.Read(disk, notes);
            }
            else if (mbr)
            {
                partitions = MbrPartitionTable.Read(disk);
            }
            else if (type is not null)
            {
                volumes.Add(Probed("disk", VolumeKind.Disk, disk, "whole disk", null, null));
                return new DiscoveredVolumes(volumes, notes);
            }
            else
            {
                throw new UnsupportedLayoutException("no partition table, LVM2 label or known file system found on the disk image");
            }
            foreach (var partition in partitions)
            {
                if (partition.Refusal is not null)
                {
                    volumes.Add(new Volume(partition.Name, VolumeKind.Partition, partition.Length, null, partition.GptName, partition.Description, partition.Refusal, EmptySource.Instance));
                    continue;
                }
                var source = new SliceSource(disk, partition.Offset, partition.Length);
                if (LvmPhysicalVolume.HasLabel(source))
                {
                    pvs.Add(LvmPhysicalVolume.Read(partition.Name, source));
                    volumes.Add(new Volume(partition.Name, VolumeKind.Partition, partition.Length, "LVM2_member", partition.GptName, partition.Description,
                        "LVM2 physical volume: open its logical volumes (vg/lv)", source));
                    continue;
                }
                volumes.Add(Probed(partition.Name, VolumeKind.Partition, source, partition.Description, partition.GptName, null));
            }
        }
        foreach (var lv in LvmVolumeGroups.Read(pvs))
        {
            volumes.Add(lv.Refusal is null ? Probed(lv.Name, lv.Kind, lv.Source, lv.Description, null, null) : lv);
        }
        return new DiscoveredVolumes(volumes, notes);
    }

    private static Volume Probed(string name, VolumeKind kind, IRandomAccessSource source, string description, string? fallbackLabel, string? refusal)
    {
        var (type, label) = FileSystemProbe.Probe(source);
        refusal ??= type switch
        {
            "refs" => "ReFS file system: file restore does not read ReFS",
            "bitlocker" => "BitLocker-encrypted volume: file restore cannot read it",
            "swap" => "swap space: holds no files",
            "vfat" => "FAT file system: file restore does not read FAT yet",
            null => "no known file system found (ext, XFS and NTFS are read)",
            _ => null,
        };
        return new Volume(name, kind, source.Length, type, label ?? fallbackLabel, description, refusal, source);
    }
}
