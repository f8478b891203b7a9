namespace ImageBackup.Imaging.Capture;

/// <summary>A half-open byte range [Offset, Offset + Length) of a source image, so allocation maps can say which bytes hold data.</summary>
/// <param name="Offset">First byte of the range, from the start of the source.</param>
/// <param name="Length">Number of bytes in the range.</param>
public readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>First byte after the range.</summary>
    public long End => Offset + Length;
}
