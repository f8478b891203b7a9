using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.Agents;

namespace ImageBackup.Storage.Tables;

/// <summary>Enrollment tokens (hashed) in Azure Tables; a token is marked used with an ETag-guarded update so it works once.</summary>
public sealed class TableEnrollmentStore(TableProvisioner tables) : IEnrollmentStore
{
    /// <summary>The table name; the contract store writes a row here with every new contract.</summary>
    public const string Table = "Enrollments";

    /// <inheritdoc />
    public async Task<EnrollmentRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tokenHash, "", cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        var agentId = e.GetString("AgentId");
        var requestHash = e.GetString("RequestHash");
        return new EnrollmentRecord(
            tokenHash, e.GetString("ContractId"), e.GetString("CustomerId"), string.IsNullOrEmpty(agentId) ? null : agentId, e.ETag.ToString(),
            string.IsNullOrEmpty(requestHash) ? null : requestHash);
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkUsedAsync(EnrollmentRecord record, string agentId, string? requestHash, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(record.TokenHash, "") { ["AgentId"] = agentId, ["RequestHash"] = requestHash ?? "" }, new ETag(record.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
