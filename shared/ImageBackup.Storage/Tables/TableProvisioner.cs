using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace ImageBackup.Storage.Tables;

/// <summary>Hands out table clients and creates each table once per process, so adapters never race on creation.</summary>
public sealed class TableProvisioner(TableServiceClient service)
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
        var client = service.GetTableClient(name);
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
