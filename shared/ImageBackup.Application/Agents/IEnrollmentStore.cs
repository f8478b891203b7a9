namespace ImageBackup.Application.Agents;

/// <summary>Port to the enrollment tokens issued with orders (stored hashed).</summary>
public interface IEnrollmentStore
{
    /// <summary>Finds the record for a token hash, or <c>null</c>.</summary>
    Task<EnrollmentRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the token used by <paramref name="agentId"/> (remembering the request's idempotency-key hash) if it is still at the
    /// version read; <c>false</c> when another enrollment won.
    /// </summary>
    Task<bool> TryMarkUsedAsync(EnrollmentRecord record, string agentId, string? requestHash, CancellationToken cancellationToken);
}
