namespace ImageBackup.Application.Customers;

/// <summary>A hosting customer of the provider, the owner of contracts and the holder of a customer API key.</summary>
/// <param name="Id">Stable id, e.g. <c>cus-3f2a9c1b7d4e5f60</c>.</param>
/// <param name="Name">The customer's name as registered by operations.</param>
/// <param name="Email">Contact e-mail for notices such as maintenance.</param>
/// <param name="CreatedAt">When operations registered the customer.</param>
public sealed record Customer(string Id, string Name, string Email, DateTimeOffset CreatedAt);
