namespace ImageBackup.Application.Security;

/// <summary>What the service stores of an API key: only its hash, never the key itself.</summary>
/// <param name="KeyHash">Lower-case hex SHA-256 of the key.</param>
/// <param name="Role">The role the key grants.</param>
/// <param name="SubjectId">The customer, agent or ops identity the key belongs to.</param>
/// <param name="CustomerId">The owning customer, if any.</param>
/// <param name="CreatedAt">When the key was issued.</param>
public sealed record ApiKeyRecord(string KeyHash, Role Role, string SubjectId, string? CustomerId, DateTimeOffset CreatedAt);
