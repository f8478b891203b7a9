namespace ImageBackup.Application.Agents;

/// <summary>The answer to an enrollment: the agent's id, its key (shown once) and the contract it serves.</summary>
public sealed record EnrolledAgent(string AgentId, string AgentKey, string ContractId);
