namespace ImageBackup.Functions.Contracts;

/// <summary>Body of <c>POST /api/orders</c>.</summary>
public sealed record OrderBody(OrderServerBody? Server, IReadOnlyList<string?>? Plans);

/// <summary>The server part of an order.</summary>
public sealed record OrderServerBody(string? Hostname, string? IpAddress, string? Os, long? CapacityBytes);

/// <summary>Body of <c>POST /api/ops/contracts/{id}/activation</c>.</summary>
public sealed record ActivationBody(string? BillingStart);

/// <summary>Body of <c>POST /api/contracts/{id}/cancellation</c>.</summary>
public sealed record CancellationBody(string? EndMonth);
