using System.Text.Json;
using ImageBackup.Agent.Daemon;

namespace ImageBackup.Agent.Tests.Daemon;

/// <summary>Capture commands shaped as the service sends them (docs/nightly-captures.md §2), for state-file tests.</summary>
internal static class DaemonCommands
{
    public static AgentCommandMessage Capture(string captureId, string store, DateTimeOffset deadline)
    {
        var payload = JsonSerializer.SerializeToElement(
            new CapturePayload(captureId, deadline.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1, store, deadline),
            JsonSerializerOptions.Web);
        return new AgentCommandMessage(captureId, AgentCommandMessage.CaptureKind, payload, deadline);
    }
}
