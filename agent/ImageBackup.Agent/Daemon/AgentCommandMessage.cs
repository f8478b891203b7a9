using System.Text.Json;

namespace ImageBackup.Agent.Daemon;

/// <summary>A command as <c>GET /api/agent/commands/next</c> delivers it (docs/nightly-captures.md §2); the payload depends on the kind.</summary>
public sealed record AgentCommandMessage(string CommandId, string Kind, JsonElement Payload, DateTimeOffset ExpiresAt)
{
    /// <summary>The kind of a capture command.</summary>
    public const string CaptureKind = "capture";
}
