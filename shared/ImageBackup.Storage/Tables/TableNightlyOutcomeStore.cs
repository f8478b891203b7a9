using Azure.Data.Tables;
using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Storage.Tables;

/// <summary>Per-server outcomes of each night in Azure Tables: partition = night, row = contract.</summary>
public sealed class TableNightlyOutcomeStore(TableProvisioner tables) : INightlyOutcomeStore
{
    private const string Table = "NightlyOutcomes";

    /// <inheritdoc />
    public async Task PutAsync(ServerOutcome outcome, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(outcome.Night, outcome.ContractId)
            {
                ["Status"] = outcome.Status,
                ["Reason"] = outcome.Reason,
                ["GenerationId"] = outcome.GenerationId,
                ["ImageSize"] = outcome.ImageSize,
                ["NewBytes"] = outcome.NewBytes,
                ["DurationSeconds"] = outcome.DurationSeconds,
                ["Attempts"] = outcome.Attempts,
                ["RecordedAt"] = outcome.RecordedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ServerOutcome?> FindAsync(string night, string contractId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(night, contractId, cancellationToken: cancellationToken);
        return row.HasValue ? ToOutcome(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServerOutcome>> ListAsync(string night, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var list = new List<ServerOutcome>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == night, cancellationToken: cancellationToken))
        {
            list.Add(ToOutcome(e));
        }

        return list;
    }

    private static ServerOutcome ToOutcome(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("Status"),
        e.GetString("Reason"),
        e.GetString("GenerationId"),
        e.GetInt64("ImageSize") ?? 0,
        e.GetInt64("NewBytes") ?? 0,
        e.GetDouble("DurationSeconds") ?? 0,
        e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue);
}
