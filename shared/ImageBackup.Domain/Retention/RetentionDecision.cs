namespace ImageBackup.Domain.Retention;

/// <summary>The outcome of one retention run, so the caller deletes exactly what no plan promises and nothing else.</summary>
/// <param name="Kept">The generations some plan keeps, newest first.</param>
/// <param name="Delete">The ids of every other generation, oldest first.</param>
public sealed record RetentionDecision(IReadOnlyList<KeptGeneration> Kept, IReadOnlyList<string> Delete);
