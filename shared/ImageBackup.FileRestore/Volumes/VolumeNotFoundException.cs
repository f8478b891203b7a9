namespace ImageBackup.FileRestore.Volumes;

/// <summary>Raised when a path names a volume or file that the generation does not hold, so the CLI can say so with its own exit code.</summary>
public sealed class VolumeNotFoundException(string message) : Exception(message);
