namespace ImageBackup.Agent.Daemon;

/// <summary>
/// The command file (<c>command.json</c> in the state directory): the command being worked on and, once known, its
/// outcome. Written before the work starts and removed after the report was answered (docs/nightly-captures.md §4).
/// </summary>
public sealed record PendingCommand(AgentCommandMessage Command, CaptureOutcome? Outcome);
