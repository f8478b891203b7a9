namespace ImageBackup.FileRestore.Reading;

/// <summary>The one range check every source makes, so a read past the end is a <see cref="CorruptImageException"/> everywhere.</summary>
public static class SourceBounds
{
    /// <summary>Throws when <c>[offset, offset + count)</c> is not inside <c>[0, length)</c>.</summary>
    public static void Check(long offset, int count, long length)
    {
        if (offset < 0 || count < 0 || offset > length || length - offset < count)
        {
            throw new CorruptImageException($"read of {count} bytes at offset {offset} is outside the {length}-byte source");
        }
    }
}
