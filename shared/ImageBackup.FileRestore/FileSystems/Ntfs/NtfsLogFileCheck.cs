using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Decides from $Volume and $LogFile whether the volume was shut down cleanly, without replaying the log: the
/// $VOLUME_INFORMATION dirty flag, and the first $LogFile restart area (clean when no log client is in use or its
/// clean flag is set; a log emptied to 0xFF by chkdsk or ntfs-3g is clean).
/// </summary>
internal static class NtfsLogFileCheck
{
    private const ushort VolumeDirty = 0x0001;
    private const ushort NoClient = 0xFFFF;
    private const ushort RestartVolumeIsClean = 0x0002;
    private const ulong VolumeRecord = 3;
    private const ulong LogFileRecord = 2;

    /// <summary>Warnings for the listing (empty when the volume is clean), and the label from $VOLUME_NAME.</summary>
    public static (List<string> Warnings, string? Label) Check(NtfsVolume volume)
    {
        var warnings = new List<string>();
        var volumeFile = volume.LoadFile(VolumeRecord);
        var name = volumeFile.Find(NtfsAttribute.VolumeName, string.Empty).FirstOrDefault(a => !a.NonResident);
        var label = name is { Value.Length: > 0 } ? System.Text.Encoding.Unicode.GetString(name.Value) : null;
        var information = volumeFile.Find(NtfsAttribute.VolumeInformation, string.Empty).FirstOrDefault(a => !a.NonResident);
        if (information is { Value.Length: >= 12 } && (BinaryPrimitives.ReadUInt16LittleEndian(information.Value.AsSpan(10)) & VolumeDirty) != 0)
        {
            warnings.Add("NTFS: the volume is marked dirty (not cleanly unmounted, or chkdsk is scheduled).");
        }

        if (LogWarning(volume) is { } logWarning)
        {
            warnings.Add(logWarning);
        }

        return (warnings, label);
    }

    private static string? LogWarning(NtfsVolume volume)
    {
        var data = volume.LoadFile(LogFileRecord).Find(NtfsAttribute.Data, string.Empty).Where(a => a.NonResident).ToList();
        if (data.Count == 0)
        {
            return "NTFS: $LogFile has no data; the log state is unknown.";
        }

        var page = new byte[4096];
        var map = NtfsClusterMap.Build(data, volume.Source, volume.Boot, "$LogFile");
        if (map.MappedClusters * volume.Boot.ClusterSize < page.Length)
        {
            return "NTFS: $LogFile is too small; the log state is unknown.";
        }

        map.ReadAt(0, page);
        if (page.All(b => b == 0xFF))
        {
            return null;
        }

        if (!page.AsSpan(0, 4).SequenceEqual("RSTR"u8))
        {
            return "NTFS: $LogFile does not start with a restart page; the log state is unknown.";
        }

        var systemPageSize = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(16));
        if (systemPageSize == page.Length)
        {
            NtfsFixup.Apply(page, "$LogFile restart page");
        }

        int areaOffset = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(24));
        if (areaOffset + 16 > page.Length)
        {
            return "NTFS: $LogFile restart area is out of range; the log state is unknown.";
        }

        var inUse = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(areaOffset + 12));
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(areaOffset + 14));
        return inUse == NoClient || (flags & RestartVolumeIsClean) != 0
            ? null
            : "NTFS: $LogFile holds changes that were not checkpointed (not cleanly unmounted); they are not replayed.";
    }
}
