namespace ImageBackup.FileRestore;

/// <summary>
/// Raised for a layout or feature that is recognised but deliberately not read (LVM thin/RAID volumes, LDM, ReFS,
/// ext4 inline_data, EFS files…), naming what was found so the customer and staff know why.
/// </summary>
public sealed class UnsupportedLayoutException(string message) : Exception(message);
