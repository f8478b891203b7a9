namespace ImageBackup.Application.Agents;

/// <summary>What an enrollment token unlocks: the contract (one server) and its customer; used once.</summary>
public sealed record EnrollmentRecord(string TokenHash, string ContractId, string CustomerId, string? AgentId, string Version);
