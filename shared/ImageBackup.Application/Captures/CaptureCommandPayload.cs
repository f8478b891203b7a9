namespace ImageBackup.Application.Captures;

/// <summary>The payload of a <c>capture</c> command (docs/nightly-captures.md §2).</summary>
/// <param name="CaptureId">Id the agent reports under.</param>
/// <param name="Night">The JST night, <c>yyyy-MM-dd</c>.</param>
/// <param name="Attempt">1 for the first attempt of the night.</param>
/// <param name="Store">Container SAS URL, create/write only, expiring at <paramref name="Deadline"/>.</param>
/// <param name="Deadline">No manifest may be committed after this instant.</param>
/// <param name="KeptGenerations">
/// The contract's committed, kept generations: the agent may trust its change cache of one of them (its chunks are in the
/// store) although the SAS cannot read the store.
/// </param>
public sealed record CaptureCommandPayload(string CaptureId, string Night, int Attempt, Uri Store, DateTimeOffset Deadline, IReadOnlyList<string> KeptGenerations);
