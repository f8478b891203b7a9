namespace ImageBackup.Application.Customers;

/// <summary>A customer together with its API key, returned once at registration or rotation and never again.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="ApiKey">The plain API key; only its hash is stored.</param>
public sealed record RegisteredCustomer(Customer Customer, string ApiKey);
