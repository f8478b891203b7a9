namespace ImageBackup.Functions.Agents;

/// <summary>Body of <c>POST /api/agent/enrollment</c>.</summary>
public sealed record EnrollmentBody(string? EnrollmentToken);

/// <summary>The answer to an enrollment: keep the key (file mode 0600); it is not shown again.</summary>
public sealed record EnrollmentResponse(string AgentId, string AgentKey, string ContractId);

/// <summary>A command as the agent receives it.</summary>
public sealed record AgentCommandResponse(string CommandId, string Kind, System.Text.Json.JsonElement Payload, DateTimeOffset ExpiresAt);
