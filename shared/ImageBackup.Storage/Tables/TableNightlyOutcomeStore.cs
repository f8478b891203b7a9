using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Storage.Tables;

/// <summary>Per-server outcomes of each night in Azure Tables: partition = night, row = contract.</summary>
public sealed class TableNightlyOutcomeStore(TableProvisioner tables) : INightlyOutcomeStore
{
    private const string Table = "NightlyOutcomes";

    /// <inheritdoc />
    public async Task<ServerOutcome> PutAsync(ServerOutcome outcome, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(outcome.Night, outcome.ContractId, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await table.AddEntityAsync(ToEntity(outcome), cancellationToken);
                    return outcome;
                }

                var stored = ToOutcome(row.Value!);
                if (!ServerOutcomeStatus.MayReplace(stored.Status, outcome.Status))
                {
                    return stored;
                }

                await table.UpdateEntityAsync(ToEntity(outcome), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return outcome;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer got there first: decide again against what it stored.
            }
        }
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

    private static TableEntity ToEntity(ServerOutcome outcome) => new(outcome.Night, outcome.ContractId)
    {
        ["Status"] = outcome.Status,
        ["Reason"] = outcome.Reason,
        ["GenerationId"] = outcome.GenerationId,
        ["ImageSize"] = outcome.ImageSize,
        ["NewBytes"] = outcome.NewBytes,
        ["DurationSeconds"] = outcome.DurationSeconds,
        ["Attempts"] = outcome.Attempts,
        ["RecordedAt"] = outcome.RecordedAt,
    };

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
