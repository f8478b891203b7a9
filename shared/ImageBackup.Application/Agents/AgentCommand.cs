namespace ImageBackup.Application.Agents;

/// <summary>A command for one agent (e.g. capture tonight), carried by the command channel and never by the agent's own credentials.</summary>
/// <param name="AgentId">The agent it is for.</param>
/// <param name="CommandId">Unique id; a second send with the same id is dropped (duplicate detection).</param>
/// <param name="Kind">What to do, e.g. <c>capture</c>.</param>
/// <param name="Payload">Kind-specific JSON.</param>
/// <param name="ExpiresAt">After this instant the command is not delivered (e.g. the end of the night's window).</param>
/// <param name="DeduplicationId">What duplicate detection compares (default: <paramref name="CommandId"/>); a sender whose earlier run may have been lost (a restarted orchestration) sends the same command under a new one.</param>
public sealed record AgentCommand(string AgentId, string CommandId, string Kind, string Payload, DateTimeOffset ExpiresAt, string? DeduplicationId = null)
{
    /// <summary>The id duplicate detection uses.</summary>
    public string SendId => DeduplicationId ?? CommandId;
}
