namespace ImageBackup.Application.Security;

/// <summary>The result of checking an Authorization header: a caller, or why there is none.</summary>
/// <param name="Caller">The authenticated caller, when the key was valid.</param>
/// <param name="Failure">Why authentication failed, when it did.</param>
public sealed record AuthenticationOutcome(Caller? Caller, string? Failure)
{
    /// <summary>A successful outcome.</summary>
    public static AuthenticationOutcome Success(Caller caller) => new(caller, null);

    /// <summary>A failed outcome with a reason safe to show to the caller.</summary>
    public static AuthenticationOutcome Fail(string reason) => new(null, reason);
}
