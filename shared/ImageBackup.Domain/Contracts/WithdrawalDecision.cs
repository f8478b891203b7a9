namespace ImageBackup.Domain.Contracts;

/// <summary>The answer to "take back my cancellation": allowed until the same deadline the cancellation had.</summary>
/// <param name="Deadline">Last day a withdrawal may arrive, when a cancellation is scheduled.</param>
/// <param name="Rejection">Set when the withdrawal is refused.</param>
public sealed record WithdrawalDecision(DateOnly? Deadline, PolicyRejection? Rejection)
{
    /// <summary>Whether the withdrawal is allowed.</summary>
    public bool IsAllowed => Rejection is null;
}
