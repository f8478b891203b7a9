namespace ImageBackup.Domain.Contracts;

/// <summary>Stable rule names of cancellation and withdrawal rejections, so clients and tests never match on message text.</summary>
public static class CancellationRules
{
    /// <summary>The end month is not <c>yyyy-MM</c>.</summary>
    public const string MalformedMonth = "malformed-month";

    /// <summary>The end month is before the current Tokyo month.</summary>
    public const string EndMonthInPast = "end-month-in-past";

    /// <summary>The request arrived after the last day of the month before the end month (includes the current month).</summary>
    public const string DeadlinePassed = "deadline-passed";

    /// <summary>A cancellation is already scheduled.</summary>
    public const string AlreadyCancelled = "already-cancelled";

    /// <summary>The contract has ended.</summary>
    public const string ContractEnded = "contract-ended";

    /// <summary>A withdrawal was asked for but no cancellation is scheduled.</summary>
    public const string NotCancelled = "not-cancelled";
}
