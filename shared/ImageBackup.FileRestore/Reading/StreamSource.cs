namespace ImageBackup.FileRestore.Reading;

/// <summary>Random access to a seekable stream (the device or image a capture reads), so volume discovery runs on it unchanged.</summary>
public sealed class StreamSource : IRandomAccessSource
{
    private readonly Stream stream;
    private readonly Lock gate = new();

    /// <summary>Wraps <paramref name="stream"/>, which must be readable and seekable.</summary>
    public StreamSource(Stream stream)
    {
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("a readable, seekable stream is needed", nameof(stream));
        }
        this.stream = stream;
        Length = stream.Length;
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public void ReadAt(long offset, Span<byte> destination)
    {
        SourceBounds.Check(offset, destination.Length, Length);
        lock (gate)
        {
            stream.Position = offset;
            if (stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) < destination.Length)
            {
                throw new CorruptImageException($"source ends early at offset {offset}");
            }
        }
    }
}
