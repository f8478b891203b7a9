namespace ImageBackup.FileRestore.Restore;

/// <summary>Checks a name read from the image before it becomes part of a local path, so no entry can climb out of the restore target.</summary>
public static class SafeName
{
    /// <summary>Throws <see cref="CorruptImageException"/> for "", ".", "..", a name longer than 255 UTF-8 bytes, or one containing '/', NUL (or '\' on Windows).</summary>
    public static void Check(string name)
    {
        if (!IsSafe(name))
        {
            throw new CorruptImageException($"unsafe file name in the image: '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' (names with '/', NUL, '.' or '..' are never restored)");
        }
    }

    /// <summary>True when <paramref name="name"/> can be used as one local path component.</summary>
    public static bool IsSafe(string name) =>
        name.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(name) <= 255 && name != "." && name != ".."
        && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal)
        && !(OperatingSystem.IsWindows() && name.IndexOfAny(['\\', ':']) >= 0);
}
