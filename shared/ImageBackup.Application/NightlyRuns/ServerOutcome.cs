namespace ImageBackup.Application.NightlyRuns;

/// <summary>What happened to one server in one night, stored per server so a 2,000-server night needs no large orchestration output.</summary>
/// <param name="Night">The JST night, <c>yyyy-MM-dd</c>.</param>
/// <param name="ContractId">The contract (one server).</param>
/// <param name="Status">One of <see cref="ServerOutcomeStatus"/>.</param>
/// <param name="Reason">Why, when not succeeded.</param>
/// <param name="GenerationId">The generation committed, when succeeded.</param>
/// <param name="ImageSize">Bytes of the image, when succeeded.</param>
/// <param name="NewBytes">Bytes added to the store, when succeeded.</param>
/// <param name="DurationSeconds">From capture start to the accepted report, when succeeded.</param>
/// <param name="Attempts">Commands sent this night.</param>
/// <param name="RecordedAt">When the outcome was stored.</param>
public sealed record ServerOutcome(
    string Night,
    string ContractId,
    string Status,
    string? Reason,
    string? GenerationId,
    long ImageSize,
    long NewBytes,
    double DurationSeconds,
    int Attempts,
    DateTimeOffset RecordedAt);
