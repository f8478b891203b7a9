namespace ImageBackup.Application.NightlyRuns;

/// <summary>Port to the per-server outcomes of each night.</summary>
public interface INightlyOutcomeStore
{
    /// <summary>
    /// Stores a server's outcome for its night unless the stored one must stay (<see cref="ServerOutcomeStatus.MayReplace"/>),
    /// decided atomically against concurrent writers; returns the outcome stored afterwards.
    /// </summary>
    Task<ServerOutcome> PutAsync(ServerOutcome outcome, CancellationToken cancellationToken);

    /// <summary>One server's outcome for a night, or null when nothing is recorded.</summary>
    Task<ServerOutcome?> FindAsync(string night, string contractId, CancellationToken cancellationToken);

    /// <summary>Every server's outcome for a night, by contract id.</summary>
    Task<IReadOnlyList<ServerOutcome>> ListAsync(string night, CancellationToken cancellationToken);
}
