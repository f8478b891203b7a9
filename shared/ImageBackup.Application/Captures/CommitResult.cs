namespace ImageBackup.Application.Captures;

/// <summary>What committing a night's generation did: activation of the contract and what retention removed.</summary>
/// <param name="Activated">The contract was pending and this backup activated it.</param>
/// <param name="DeletedGenerations">Generations retention dropped.</param>
/// <param name="DeletedChunks">Chunks the garbage collection removed.</param>
public sealed record CommitResult(bool Activated, IReadOnlyList<string> DeletedGenerations, int DeletedChunks);
