namespace ImageBackup.Agent.Daemon;

/// <summary>The service's answer to an enrollment: the agent's identity and its key, shown only this once.</summary>
public sealed record EnrollmentAnswer(string AgentId, string AgentKey, string ContractId);
