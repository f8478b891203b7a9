namespace ImageBackup.Application.Agents;

/// <summary>A command for one agent (e.g. capture tonight), carried by the command channel and never by the agent's own credentials.</summary>
/// <param name="AgentId">The agent it is for.</param>
/// <param name="CommandId">Unique id; a second send with the same id is dropped (duplicate detection).</param>
/// <param name="Kind">What to do, e.g. <c>capture</c>.</param>
/// <param name="Payload">Kind-specific JSON.</param>
/// <param name="ExpiresAt">After this instant the command is not delivered (e.g. the end of the night's window).</param>
public sealed record AgentCommand(string AgentId, string CommandId, string Kind, string Payload, DateTimeOffset ExpiresAt);
