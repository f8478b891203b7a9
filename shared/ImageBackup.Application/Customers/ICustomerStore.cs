namespace ImageBackup.Application.Customers;

/// <summary>Port to the customer table.</summary>
public interface ICustomerStore
{
    /// <summary>Stores a new customer; the id must not exist yet.</summary>
    Task AddAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>Finds a customer by id, or <c>null</c>.</summary>
    Task<Customer?> FindAsync(string id, CancellationToken cancellationToken);
}
