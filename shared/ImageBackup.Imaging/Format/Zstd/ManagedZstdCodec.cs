using ZstdSharp;

namespace ImageBackup.Imaging.Format.Zstd;

/// <summary>zstd through ZstdSharp (pure managed), used where libzstd is not installed; about half the speed of native zstd.</summary>
public sealed class ManagedZstdCodec(int level) : IZstdCodec
{
    private readonly Compressor compressor = new(level);
    private readonly Decompressor decompressor = new();

    /// <inheritdoc />
    public string Name => "ZstdSharp (managed)";

    /// <inheritdoc />
    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) => compressor.Wrap(source, destination);

    /// <inheritdoc />
    public int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return decompressor.Unwrap(source, destination);
        }
        catch (Exception e) when (e is ZstdException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        compressor.Dispose();
        decompressor.Dispose();
    }
}
