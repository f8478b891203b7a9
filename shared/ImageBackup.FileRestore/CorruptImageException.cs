namespace ImageBackup.FileRestore;

/// <summary>
/// Raised when on-disk structures contradict themselves (bad magic, out-of-range extents, cycles, huge counts), so a
/// hostile or damaged image ends in a clear message instead of a hang, a crash or a wrong file.
/// </summary>
public sealed class CorruptImageException(string message) : Exception(message);
