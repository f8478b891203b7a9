using Azure.Data.Tables;
using ImageBackup.Application.Customers;

namespace ImageBackup.Storage.Tables;

/// <summary>Customers in Azure Tables, one row per customer id.</summary>
public sealed class TableCustomerStore(TableProvisioner tables) : ICustomerStore
{
    private const string Table = "Customers";

    /// <inheritdoc />
    public async Task AddAsync(Customer customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        await table.AddEntityAsync(
            new TableEntity(customer.Id, "")
            {
                ["Name"] = customer.Name,
                ["Email"] = customer.Email,
                ["CreatedAt"] = customer.CreatedAt,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Customer?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Table, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, "", cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return null;
        }

        var e = row.Value;
        return new Customer(id, e.GetString("Name"), e.GetString("Email"), e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
    }
}
