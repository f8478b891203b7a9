namespace ImageBackup.Imaging.Capture;

/// <summary>
/// Allocation map of a source image, so a capture can skip blocks a file system does not use
/// (bytes outside the returned ranges are captured as zeros).
/// </summary>
public interface IUsedRangeSource
{
    /// <summary>
    /// Returns the used byte ranges of <paramref name="source"/>, sorted by offset, not overlapping.
    /// The implementation may seek and read <paramref name="source"/>; the capture rewinds it afterwards.
    /// Throws <see cref="InvalidDataException"/> when the source does not hold a file system it understands.
    /// </summary>
    IReadOnlyList<ByteRange> GetUsedRanges(Stream source);
}
