namespace ImageBackup.FileRestore.Reading;

/// <summary>
/// Optional ability of a file-content stream to say where the next data starts (like SEEK_DATA), so restores skip
/// holes instead of reading gigabytes of zeros: a hostile sparse size then costs lookups, not time.
/// </summary>
public interface IHoleAwareStream
{
    /// <summary>
    /// Offset ≥ <paramref name="position"/> of the next byte that may hold data; <paramref name="position"/> when it is
    /// data (or unknown); the stream length when only holes follow. May stop early on very fragmented holes.
    /// </summary>
    long NextDataOffset(long position);
}
