using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ImageBackup.Application.Contracts;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Storage.Tables;

/// <summary>Contracts in Azure Tables, one row per contract; replacements are conditional on the row's ETag.</summary>
public sealed class TableContractStore(TableProvisioner tables) : IContractStore
{
    private const string Table = "Contracts";

    /// <inheritdoc />
    public async Task AddAsync(Contract contract, string enrollmentTokenHash, CancellationToken cancellationToken)
    {
        // The enrollment row first: a contract is never stored without the token that lets its agent enroll.
        var enrollments = await tables.GetAsync(TableEnrollmentStore.Table, cancellationToken);
        await enrollments.UpsertEntityAsync(
            new TableEntity(enrollmentTokenHash, "") { ["ContractId"] = contract.Id, ["CustomerId"] = contract.CustomerId, ["AgentId"] = "" },
            TableUpdateMode.Replace, cancellationToken);
        var table = await tables.GetAsync(Table, cancellationToken);
        var entity = ToEntity(contract);
        entity["EnrollmentTokenHash"] = enrollmentTokenHash;
        await table.AddEntityAsync(entity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredContract?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, "", cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? new StoredContract(FromEntity(entity), entity.ETag.ToString()) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Contract>> ListAsync(string? customerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var query = customerId is null
            ? table.QueryAsync<TableEntity>(cancellationToken: cancellationToken)
            : table.QueryAsync<TableEntity>(e => e.GetString("CustomerId") == customerId, cancellationToken: cancellationToken);
        var list = new List<Contract>();
        await foreach (var entity in query)
        {
            list.Add(FromEntity(entity));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<Contract> Contracts, string? Next)> ListPageAsync(string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return ([.. page.Values.Select(FromEntity)], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    /// <inheritdoc />
    public async Task<bool> TryReplaceAsync(Contract contract, string version, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        try
        {
            // Merge keeps columns this record does not carry (the enrollment token hash).
            await table.UpdateEntityAsync(ToEntity(contract), new ETag(version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Contract c) => new(c.Id, "")
    {
        ["CustomerId"] = c.CustomerId,
        ["Status"] = ContractStatusNames.WireName(c.Status),
        ["PlanCodes"] = string.Join(',', c.PlanCodes),
        ["HostName"] = c.Server.HostName,
        ["IpAddress"] = c.Server.IpAddress,
        ["Os"] = ServerOsNames.WireName(c.Server.Os),
        ["CapacityBytes"] = c.Server.CapacityBytes,
        ["ReceivedAt"] = c.ReceivedAt,
        ["BillingStart"] = c.BillingStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["EndMonth"] = c.EndMonth?.ToString() ?? "",
        ["CancellationRequestedAt"] = c.CancellationRequestedAt,
    };

    private static Contract FromEntity(TableEntity e)
    {
        if (!ContractStatusNames.TryParse(e.GetString("Status"), out var status) || !ServerOsNames.TryParse(e.GetString("Os"), out var os))
        {
            throw new InvalidDataException($"Contract row {e.PartitionKey} has an unknown status or OS.");
        }

        var billingStart = e.GetString("BillingStart");
        var endMonth = e.GetString("EndMonth");
        return new Contract(
            e.PartitionKey,
            e.GetString("CustomerId"),
            status,
            e.GetString("PlanCodes").Split(',', StringSplitOptions.RemoveEmptyEntries),
            new ServerTarget(e.GetString("HostName"), e.GetString("IpAddress"), os, e.GetInt64("CapacityBytes") ?? 0),
            e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
            string.IsNullOrEmpty(billingStart) ? null : DateOnly.ParseExact(billingStart, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(endMonth) ? null : CalendarMonth.Parse(endMonth),
            e.GetDateTimeOffset("CancellationRequestedAt"));
    }
}
