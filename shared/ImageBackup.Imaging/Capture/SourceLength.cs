namespace ImageBackup.Imaging.Capture;

/// <summary>Finds the size of a seekable source, including block devices whose reported length may be 0, so progress and allocation maps know where the disk ends.</summary>
internal static class SourceLength
{
    /// <summary>Returns the source size in bytes, or null when the source cannot seek (a pipe) or reports nothing.</summary>
    public static long? Of(Stream source)
    {
        if (!source.CanSeek)
        {
            return null;
        }
        if (source.Length > 0)
        {
            return source.Length;
        }
        var position = source.Position;
        var end = source.Seek(0, SeekOrigin.End);
        source.Seek(position, SeekOrigin.Begin);
        return end > 0 ? end : null;
    }
}
