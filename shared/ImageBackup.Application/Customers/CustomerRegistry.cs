using System.Security.Cryptography;
using ImageBackup.Application.Results;
using ImageBackup.Application.Security;

namespace ImageBackup.Application.Customers;

/// <summary>Registers customers and rotates their API keys, the only way customer keys come to exist.</summary>
public sealed class CustomerRegistry(ICustomerStore customers, IApiKeyStore keys, TimeProvider clock)
{
    /// <summary>Registers a customer (ops only) and returns its first API key.</summary>
    public async Task<ServiceResult<RegisteredCustomer>> RegisterAsync(Caller caller, string? name, string? email, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Ops)
        {
            return ServiceResult<RegisteredCustomer>.Forbidden("Only operations staff may register customers.");
        }

        var errors = CustomerInputRules.Check(name, email);
        if (errors.Count > 0)
        {
            return ServiceResult<RegisteredCustomer>.Invalid(errors);
        }

        var customer = new Customer(NewId(), name!.Trim(), email!, clock.GetUtcNow());
        await customers.AddAsync(customer, cancellationToken);
        var key = await IssueKeyAsync(customer.Id, cancellationToken);
        return ServiceResult<RegisteredCustomer>.Created(new RegisteredCustomer(customer, key));
    }

    /// <summary>Replaces a customer's API key (ops only); the old key stops working at once.</summary>
    public async Task<ServiceResult<RegisteredCustomer>> RotateKeyAsync(Caller caller, string customerId, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Ops)
        {
            return ServiceResult<RegisteredCustomer>.Forbidden("Only operations staff may rotate customer keys.");
        }

        var customer = await customers.FindAsync(customerId, cancellationToken);
        if (customer is null)
        {
            return ServiceResult<RegisteredCustomer>.NotFound($"No customer '{customerId}'.");
        }

        await keys.RemoveAllForSubjectAsync(customer.Id, cancellationToken);
        var key = await IssueKeyAsync(customer.Id, cancellationToken);
        return ServiceResult<RegisteredCustomer>.Created(new RegisteredCustomer(customer, key));
    }

    /// <summary>Reads a customer: ops see any, a customer only itself.</summary>
    public async Task<ServiceResult<Customer>> GetAsync(Caller caller, string customerId, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Agent)
        {
            return ServiceResult<Customer>.Forbidden("Agents may not read customer records.");
        }

        var customer = caller.MaySee(customerId) ? await customers.FindAsync(customerId, cancellationToken) : null;
        return customer is null
            ? ServiceResult<Customer>.NotFound($"No customer '{customerId}'.")
            : ServiceResult<Customer>.Ok(customer);
    }

    private async Task<string> IssueKeyAsync(string customerId, CancellationToken cancellationToken)
    {
        var key = ApiKeyFormat.NewKey(Role.Customer);
        await keys.AddAsync(new ApiKeyRecord(ApiKeyFormat.Hash(key), Role.Customer, customerId, customerId, clock.GetUtcNow()), cancellationToken);
        return key;
    }

    private static string NewId() => "cus-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
