using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace ImageBackup.Storage.Tables;

/// <summary>Hands out table clients and creates each table once per process, so adapters never race on creation.</summary>
/// <param name="service">The table service.</param>
/// <param name="prefix">
/// Letters put before every table name (setting <c>ImageBackup__TablePrefix</c>), so several deployments, or tests that need
/// a world of their own, share one storage account without seeing each other's rows.
/// </param>
public sealed class TableProvisioner(TableServiceClient service, string prefix = "")
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    /// <summary>Returns a client for <paramref name="tableName"/>, creating the table on first use.</summary>
    public Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        var lazy = tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = service.GetTableClient(prefix + name);
        try
        {
            await client.CreateIfNotExistsAsync();
        }
        catch
        {
            tables.TryRemove(name, out _);
            throw;
        }

        return client;
    }
}
