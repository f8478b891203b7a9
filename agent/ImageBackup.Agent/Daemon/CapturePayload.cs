namespace ImageBackup.Agent.Daemon;

/// <summary>The payload of a <c>capture</c> command: where to write (a create/write-only SAS URL) and by when.</summary>
public sealed record CapturePayload(string CaptureId, string Night, int Attempt, string Store, DateTimeOffset Deadline, IReadOnlyList<string>? KeptGenerations = null);
