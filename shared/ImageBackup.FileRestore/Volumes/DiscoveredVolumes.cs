namespace ImageBackup.FileRestore.Volumes;

/// <summary>What discovery found on a disk: its volumes and notes about the disk as a whole (e.g. a damaged primary GPT).</summary>
/// <param name="Volumes">Volumes in table order, logical volumes last.</param>
/// <param name="Notes">Disk-level warnings.</param>
public sealed record DiscoveredVolumes(IReadOnlyList<Volume> Volumes, IReadOnlyList<string> Notes)
{
    /// <summary>The volume called <paramref name="name"/>; throws <see cref="VolumeNotFoundException"/> listing the names there are.</summary>
    public Volume Find(string name) =>
        Volumes.FirstOrDefault(v => v.Name == name)
        ?? throw new VolumeNotFoundException($"no volume '{name}' in this generation (volumes: {string.Join(", ", Volumes.Select(v => v.Name))})");
}
