using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.Contracts;

namespace ImageBackup.Storage.Tables;

/// <summary>Operations alerts in Azure Tables, keyed by contract and kind so each alert is stored once.</summary>
public sealed class TableOpsAlertStore(TableProvisioner tables) : IOpsAlertStore
{
    private const string Table = "OpsAlerts";

    /// <inheritdoc />
    public async Task RaiseOnceAsync(OpsAlert alert, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(alert.ContractId, alert.Kind) { ["Message"] = alert.Message, ["RaisedAt"] = alert.RaisedAt },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Raised before: an alert is stored once.
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OpsAlert>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var list = new List<OpsAlert>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            list.Add(new OpsAlert(e.PartitionKey, e.RowKey, e.GetString("Message"), e.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.MinValue));
        }

        return list.OrderByDescending(a => a.RaisedAt).ToList();
    }
}
