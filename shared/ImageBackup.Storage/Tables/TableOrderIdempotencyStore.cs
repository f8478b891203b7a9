using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Security;

namespace ImageBackup.Storage.Tables;

/// <summary>Order idempotency keys in Azure Tables; the conditional insert makes the first request the only winner.</summary>
public sealed class TableOrderIdempotencyStore(TableProvisioner tables) : IOrderIdempotencyStore
{
    private const string Table = "OrderIdempotencyKeys";

    /// <inheritdoc />
    public async Task<OrderIdempotencyRecord?> TryReserveAsync(string customerId, string key, string bodyHash, string contractId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var rowKey = ApiKeyFormat.Hash(key); // any key text becomes a safe row key
        try
        {
            await table.AddEntityAsync(new TableEntity(customerId, rowKey) { ["BodyHash"] = bodyHash, ["ContractId"] = contractId }, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(customerId, rowKey, cancellationToken: cancellationToken);
            return new OrderIdempotencyRecord(existing.Value.GetString("BodyHash"), existing.Value.GetString("ContractId"));
        }
    }
}
