using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageBackup.Agent.Daemon;

/// <summary>Source-generated JSON for the agent protocol and the state files (camelCase, as the API writes), so no reflection runs on a server.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(EnrollmentRequest))]
[JsonSerializable(typeof(EnrollmentAnswer))]
[JsonSerializable(typeof(AgentCredentials))]
[JsonSerializable(typeof(AgentCommandMessage))]
[JsonSerializable(typeof(CapturePayload))]
[JsonSerializable(typeof(CaptureCompletedReport))]
[JsonSerializable(typeof(CaptureFailedReport))]
[JsonSerializable(typeof(PendingCommand))]
internal sealed partial class DaemonJsonContext : JsonSerializerContext;
