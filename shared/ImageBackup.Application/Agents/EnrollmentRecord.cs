namespace ImageBackup.Application.Agents;

/// <summary>What an enrollment token unlocks: the contract (one server) and its customer; used once.</summary>
/// <param name="TokenHash">Hash of the enrollment token.</param>
/// <param name="ContractId">The contract (one server).</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="AgentId">The agent that used the token, once used.</param>
/// <param name="Version">ETag for the conditional update.</param>
/// <param name="RequestHash">Hash of the <c>Idempotency-Key</c> of the enrollment that used the token, so only that request may be repeated.</param>
public sealed record EnrollmentRecord(string TokenHash, string ContractId, string CustomerId, string? AgentId, string Version, string? RequestHash = null);
