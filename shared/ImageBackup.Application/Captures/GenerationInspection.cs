namespace ImageBackup.Application.Captures;

/// <summary>What the service reads from a committed manifest, so sizes and times never come from the agent's word.</summary>
/// <param name="GenerationId">The generation.</param>
/// <param name="Problem">Why the generation is not whole, or <c>null</c> when every referenced chunk is present.</param>
/// <param name="CapturedAt">When the capture started (manifest).</param>
/// <param name="ImageSize">Bytes of the image.</param>
/// <param name="NewBytes">Bytes this capture added to the store.</param>
/// <param name="ChunkCount">Distinct chunks the generation references.</param>
public sealed record GenerationInspection(string GenerationId, string? Problem, DateTimeOffset CapturedAt, long ImageSize, long NewBytes, int ChunkCount)
{
    /// <summary>Whether the generation is complete and restorable.</summary>
    public bool IsWhole => Problem is null;
}
