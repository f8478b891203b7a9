namespace ImageBackup.Agent.Daemon;

/// <summary>Body of <c>POST /api/agent/enrollment</c> (docs/nightly-captures.md §1): the order's one-time token.</summary>
public sealed record EnrollmentRequest(string EnrollmentToken);
