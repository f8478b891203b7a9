namespace ImageBackup.FileRestore.Volumes;

/// <summary>A partition found in an MBR or GPT table: its name, byte range, type and what that type alone says about it.</summary>
/// <param name="Name">p1, p2, … (logical MBR partitions start at p5).</param>
/// <param name="Offset">Start in bytes.</param>
/// <param name="Length">Length in bytes.</param>
/// <param name="Description">Type as text ("MBR type 0x83", "GPT Linux LVM").</param>
/// <param name="IsLvm">True when the type says LVM (the PV label is still checked).</param>
/// <param name="Refusal">Why the partition holds nothing to restore from (Storage Spaces, BIOS boot…), or null.</param>
/// <param name="GptName">The GPT partition name, or null.</param>
internal sealed record PartitionEntry(string Name, long Offset, long Length, string Description, bool IsLvm, string? Refusal, string? GptName);
