namespace ImageBackup.Imaging.Capture;

/// <summary>One fixed-size block of the source on its way through the pipeline; the buffer goes back to the pool once hashed and stored.</summary>
internal sealed class CaptureBlock(long index, int length, byte[]? buffer)
{
    /// <summary>Position of the block in the image, in chunks (its offset is index × chunk size).</summary>
    public long Index { get; } = index;

    /// <summary>Length of the block (the chunk size, except the last block).</summary>
    public int Length { get; } = length;

    /// <summary>Pooled buffer holding the block content, or null for a block known to be unused (zeros).</summary>
    public byte[]? Buffer { get; set; } = buffer;
}
