namespace ImageBackup.Agent.Daemon;

/// <summary>
/// What the agent keeps after enrolling (the state directory's <c>agent.json</c>, mode 0600), so it enrolls only once.
/// <see cref="ToString"/> leaves the key out, so the record can be logged.
/// </summary>
public sealed record AgentCredentials(string AgentId, string AgentKey, string ContractId, string Api)
{
    /// <inheritdoc />
    public override string ToString() => $"agent {AgentId} of contract {ContractId} at {Api}";
}
