using System.Text.Json.Serialization;

namespace ImageBackup.Domain.Contracts;

/// <summary>Where a contract is in its life, so the API can say what may happen next (see docs/contracts.md).</summary>
public enum ContractStatus
{
    /// <summary>Order received; the first backup has not succeeded yet, so billing has not started.</summary>
    [JsonStringEnumMemberName("pending-activation")] PendingActivation,

    /// <summary>The first backup succeeded; billing runs from that day.</summary>
    [JsonStringEnumMemberName("active")] Active,

    /// <summary>A cancellation was accepted; the contract ends on the last day of the requested month.</summary>
    [JsonStringEnumMemberName("cancellation-scheduled")] CancellationScheduled,

    /// <summary>The end date has passed.</summary>
    [JsonStringEnumMemberName("ended")] Ended,
}
