namespace ImageBackup.Application.Maintenance;

/// <summary>Port to the maintenance windows set by operations.</summary>
public interface IMaintenanceWindowStore
{
    /// <summary>Stores a new window.</summary>
    Task AddAsync(MaintenanceWindow window, CancellationToken cancellationToken);

    /// <summary>Every window, or those of one contract.</summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListAsync(string? contractId, CancellationToken cancellationToken);

    /// <summary>Removes a window; <c>false</c> when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
