namespace ImageBackup.FileRestore.Reading;

/// <summary>A read-only, seekable stream over a source (a volume), so stream-based readers such as the ext used-range reader run on a partition or LV.</summary>
internal sealed class SourceStream(IRandomAccessSource source) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => source.Length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Clamp(source.Length - position, 0, buffer.Length);
        if (count == 0)
        {
            return 0;
        }
        try
        {
            source.ReadAt(position, buffer[..count]);
        }
        catch (CorruptImageException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => source.Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
