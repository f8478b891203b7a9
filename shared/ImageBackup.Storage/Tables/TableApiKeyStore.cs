using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.Security;

namespace ImageBackup.Storage.Tables;

/// <summary>API key hashes in Azure Tables: one row per hash for lookup, one per subject for rotation.</summary>
public sealed class TableApiKeyStore(TableProvisioner tables) : IApiKeyStore
{
    private const string KeysTable = "ApiKeys";
    private const string SubjectsTable = "ApiKeySubjects";

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(KeysTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(keyHash, "", cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return null;
        }

        var e = row.Value;
        return new ApiKeyRecord(
            keyHash,
            Enum.Parse<Role>(e.GetString("Role")),
            e.GetString("SubjectId"),
            e.GetString("CustomerId"),
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
    }

    /// <inheritdoc />
    public async Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        var subjects = await tables.GetAsync(SubjectsTable, cancellationToken);
        await subjects.UpsertEntityAsync(new TableEntity(record.SubjectId, record.KeyHash), cancellationToken: cancellationToken);
        var keys = await tables.GetAsync(KeysTable, cancellationToken);
        await keys.AddEntityAsync(
            new TableEntity(record.KeyHash, "")
            {
                ["Role"] = record.Role.ToString(),
                ["SubjectId"] = record.SubjectId,
                ["CustomerId"] = record.CustomerId,
                ["CreatedAt"] = record.CreatedAt,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveAllForSubjectAsync(string subjectId, CancellationToken cancellationToken)
    {
        var subjects = await tables.GetAsync(SubjectsTable, cancellationToken);
        var keys = await tables.GetAsync(KeysTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter<TableEntity>(e => e.PartitionKey == subjectId);
        await foreach (var row in subjects.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            await keys.DeleteEntityAsync(row.RowKey, "", ETag.All, cancellationToken);
            await subjects.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }
}
