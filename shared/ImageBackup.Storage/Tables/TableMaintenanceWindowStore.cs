using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.Maintenance;

namespace ImageBackup.Storage.Tables;

/// <summary>Maintenance windows in Azure Tables: one partition (the list is small), row = window id.</summary>
public sealed class TableMaintenanceWindowStore(TableProvisioner tables) : IMaintenanceWindowStore
{
    private const string Table = "MaintenanceWindows";
    private const string Partition = "mw";

    /// <inheritdoc />
    public async Task AddAsync(MaintenanceWindow window, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        await table.AddEntityAsync(
            new TableEntity(Partition, window.Id)
            {
                ["ContractId"] = window.ContractId,
                ["From"] = window.From,
                ["To"] = window.To,
                ["Reason"] = window.Reason,
                ["CreatedAt"] = window.CreatedAt,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MaintenanceWindow>> ListAsync(string? contractId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var list = new List<MaintenanceWindow>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var window = new MaintenanceWindow(
                e.RowKey,
                e.GetString("ContractId"),
                e.GetDateTimeOffset("From") ?? DateTimeOffset.MinValue,
                e.GetDateTimeOffset("To") ?? DateTimeOffset.MinValue,
                e.GetString("Reason"),
                e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
            if (contractId is null || window.ContractId == contractId)
            {
                list.Add(window);
            }
        }

        return [.. list.OrderBy(w => w.From)];
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
