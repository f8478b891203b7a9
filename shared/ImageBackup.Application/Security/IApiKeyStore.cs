namespace ImageBackup.Application.Security;

/// <summary>Port to the table of hashed API keys, so authentication does not depend on a storage SDK.</summary>
public interface IApiKeyStore
{
    /// <summary>Finds the record for a key hash, or <c>null</c> when no such key exists.</summary>
    Task<ApiKeyRecord?> FindAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Stores a new key record; the hash must not exist yet.</summary>
    Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes every key of a subject, so a rotated or revoked key stops working at once.</summary>
    Task RemoveAllForSubjectAsync(string subjectId, CancellationToken cancellationToken);
}
