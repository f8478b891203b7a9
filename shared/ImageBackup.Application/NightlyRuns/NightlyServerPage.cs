namespace ImageBackup.Application.NightlyRuns;

/// <summary>One page of a night's servers: those to capture, how many were skipped, and where the next page starts.</summary>
/// <param name="Capture">Contract ids to capture.</param>
/// <param name="Skipped">Servers of this page skipped (their outcome is stored already).</param>
/// <param name="Next">Continuation of the listing, or <c>null</c> after the last page.</param>
public sealed record NightlyServerPage(IReadOnlyList<string> Capture, int Skipped, string? Next);
