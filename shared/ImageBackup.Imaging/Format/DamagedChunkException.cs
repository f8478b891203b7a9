namespace ImageBackup.Imaging.Format;

/// <summary>Raised when a chunk is missing or its bytes do not decode to its hash, so callers can report which generation and offset are affected.</summary>
public sealed class DamagedChunkException : Exception
{
    /// <summary>Creates the exception for <paramref name="chunkId"/> with a human-readable <paramref name="reason"/>.</summary>
    public DamagedChunkException(string chunkId, string reason)
        : base($"chunk {chunkId}: {reason}")
    {
        ChunkId = chunkId;
        Reason = reason;
    }

    /// <summary>Id of the damaged chunk.</summary>
    public string ChunkId { get; }

    /// <summary>What is wrong with the chunk.</summary>
    public string Reason { get; }

    /// <summary>Generation being read when the damage was found, when known.</summary>
    public string? GenerationId { get; init; }

    /// <summary>Offset in the image of the extent that references the chunk, when known.</summary>
    public long? ImageOffset { get; init; }

    /// <summary>Copies the exception with the generation and image offset where it was found.</summary>
    public DamagedChunkException At(string generationId, long imageOffset) =>
        new(ChunkId, Reason) { GenerationId = generationId, ImageOffset = imageOffset };

    /// <inheritdoc />
    public override string Message => GenerationId is null
        ? base.Message
        : $"generation {GenerationId}, image offset {ImageOffset}: {base.Message}";
}
