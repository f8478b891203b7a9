namespace ImageBackup.Functions.Customers;

/// <summary>Body of <c>POST /api/ops/customers</c>.</summary>
public sealed record RegisterCustomerRequest(string? Name, string? Email);

/// <summary>Answer carrying a customer's API key, shown once.</summary>
public sealed record CustomerKeyResponse(string Id, string ApiKey, string Name, string Email, DateTimeOffset CreatedAt);

/// <summary>A customer as it reads back.</summary>
public sealed record CustomerResponse(string Id, string Name, string Email, DateTimeOffset CreatedAt);
