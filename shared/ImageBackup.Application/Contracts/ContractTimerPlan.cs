namespace ImageBackup.Application.Contracts;

/// <summary>What a contract's durable timer should wait for next, computed on the app's clock.</summary>
/// <param name="Done">The contract has ended: no timer is needed any more.</param>
/// <param name="Kind">The timer's purpose: <c>end</c> or <c>activation-deadline</c>; <c>null</c> to wait for a change only.</param>
/// <param name="Delay">How long to wait from now; <c>null</c> to wait for a change only.</param>
public sealed record ContractTimerPlan(bool Done, string? Kind, TimeSpan? Delay)
{
    /// <summary>The timer that ends a contract whose cancellation is scheduled.</summary>
    public const string EndKind = "end";

    /// <summary>The timer that raises an alert when a contract is still pending at its activation deadline.</summary>
    public const string ActivationDeadlineKind = "activation-deadline";
}
