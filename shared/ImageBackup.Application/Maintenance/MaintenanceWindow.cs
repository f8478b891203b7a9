namespace ImageBackup.Application.Maintenance;

/// <summary>A period in which a server is not captured (hardware work, migrations), set by operations.</summary>
/// <param name="Id">Window id (<c>mw-</c> and 16 hex digits).</param>
/// <param name="ContractId">The contract whose server is under maintenance.</param>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, exclusive.</param>
/// <param name="Reason">Shown in the night's outcome.</param>
/// <param name="CreatedAt">When it was set.</param>
public sealed record MaintenanceWindow(string Id, string ContractId, DateTimeOffset From, DateTimeOffset To, string Reason, DateTimeOffset CreatedAt)
{
    /// <summary>Whether the window overlaps the period [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => From < end && To > start;
}
