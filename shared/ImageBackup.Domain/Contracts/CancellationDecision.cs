namespace ImageBackup.Domain.Contracts;

/// <summary>The answer to a cancellation request: a quote when accepted, a rejection otherwise, never both.</summary>
/// <param name="Quote">Set when the cancellation is accepted.</param>
/// <param name="Rejection">Set when it is refused.</param>
public sealed record CancellationDecision(CancellationQuote? Quote, PolicyRejection? Rejection)
{
    /// <summary>Whether the cancellation is accepted.</summary>
    public bool IsAccepted => Quote is not null;

    /// <summary>An accepted decision.</summary>
    public static CancellationDecision Accept(CancellationQuote quote) => new(quote, null);

    /// <summary>A refused decision.</summary>
    public static CancellationDecision Reject(string rule, string message) => new(null, new PolicyRejection(rule, message));
}
