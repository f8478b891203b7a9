using System.Globalization;
using Azure.Data.Tables;
using ImageBackup.Application.Generations;
using ImageBackup.Domain.Retention;

namespace ImageBackup.Storage.Tables;

/// <summary>Generation records in Azure Tables: partition = contract, row = generation id (ids sort by capture start).</summary>
public sealed class TableGenerationStore(TableProvisioner tables) : IGenerationStore
{
    private const string Table = "Generations";

    /// <inheritdoc />
    public async Task PutAsync(GenerationRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(record.ContractId, record.GenerationId)
            {
                ["Night"] = record.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["CapturedAt"] = record.CapturedAt,
                ["Tags"] = (int)record.Tags,
                ["ImageSize"] = record.ImageSize,
                ["NewBytes"] = record.NewBytes,
                ["DurationSeconds"] = record.DurationSeconds,
                ["CaptureId"] = record.CaptureId,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GenerationRecord>> ListAsync(string contractId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var list = new List<GenerationRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == contractId, cancellationToken: cancellationToken))
        {
            list.Add(new GenerationRecord(
                e.PartitionKey,
                e.RowKey,
                DateOnly.ParseExact(e.GetString("Night"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.GetDateTimeOffset("CapturedAt") ?? DateTimeOffset.MinValue,
                (GenerationTags)(e.GetInt32("Tags") ?? 0),
                e.GetInt64("ImageSize") ?? 0,
                e.GetInt64("NewBytes") ?? 0,
                e.GetDouble("DurationSeconds") ?? 0,
                e.GetString("CaptureId") ?? ""));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string contractId, string generationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        await table.DeleteEntityAsync(contractId, generationId, cancellationToken: cancellationToken);
    }
}
