namespace ImageBackup.Functions.Maintenance;

/// <summary>Body of <c>POST /api/ops/maintenance-windows</c>.</summary>
/// <param name="ContractId">The contract whose server is under maintenance.</param>
/// <param name="From">Start (ISO 8601 with offset).</param>
/// <param name="To">End, exclusive.</param>
/// <param name="Reason">Shown in the night's outcome.</param>
public sealed record MaintenanceWindowBody(string? ContractId, DateTimeOffset? From, DateTimeOffset? To, string? Reason);
