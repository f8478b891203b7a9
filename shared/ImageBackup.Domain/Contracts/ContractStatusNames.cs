namespace ImageBackup.Domain.Contracts;

/// <summary>The wire names of <see cref="ContractStatus"/>, for code that writes them without a JSON serializer (tables, logs).</summary>
public static class ContractStatusNames
{
    /// <summary>The wire name, e.g. <c>cancellation-scheduled</c>.</summary>
    public static string WireName(ContractStatus status) => status switch
    {
        ContractStatus.PendingActivation => "pending-activation",
        ContractStatus.Active => "active",
        ContractStatus.CancellationScheduled => "cancellation-scheduled",
        ContractStatus.Ended => "ended",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown contract status."),
    };

    /// <summary>Reads a wire name (exact, lower case).</summary>
    public static bool TryParse(string? text, out ContractStatus status)
    {
        foreach (var candidate in Enum.GetValues<ContractStatus>())
        {
            if (WireName(candidate) == text)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
