namespace ImageBackup.Imaging.Verification;

/// <summary>Outcome of verifying one generation, so callers can print it or alert on it.</summary>
/// <param name="GenerationId">The generation verified.</param>
/// <param name="ChunksChecked">Distinct chunks checked.</param>
/// <param name="DataRead">True when chunk contents were read back and re-hashed, false when only presence was checked.</param>
/// <param name="Problems">Every extent that references a missing or damaged chunk, in image order.</param>
public sealed record VerificationReport(string GenerationId, int ChunksChecked, bool DataRead, IReadOnlyList<ChunkProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsHealthy => Problems.Count == 0;
}
