namespace ImageBackup.Imaging.Capture;

/// <summary>One fixed-size block of the source on its way through the pipeline; the buffer goes back to the pool once hashed and stored.</summary>
internal sealed class CaptureBlock(long offset, int length, byte[]? buffer)
{
    /// <summary>Offset of the block in the image.</summary>
    public long Offset { get; } = offset;

    /// <summary>Length of the block (the chunk size, except the last block).</summary>
    public int Length { get; } = length;

    /// <summary>Pooled buffer holding the block content, or null for a block known to be unused (zeros).</summary>
    public byte[]? Buffer { get; set; } = buffer;

    /// <summary>Chunk id once hashed, or null when the block is all zeros.</summary>
    public string? ChunkId { get; set; }
}
