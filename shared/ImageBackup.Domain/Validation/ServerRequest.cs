namespace ImageBackup.Domain.Validation;

/// <summary>The server part of an order form as sent, before validation.</summary>
/// <param name="HostName">RFC 1123 host name.</param>
/// <param name="IpAddress">IPv4 dotted quad or IPv6 address.</param>
/// <param name="Os">Any spelling listed in <see cref="Contracts.ServerOsNames.AcceptedSpellings"/>.</param>
/// <param name="CapacityBytes">Effective capacity in bytes.</param>
public sealed record ServerRequest(string? HostName, string? IpAddress, string? Os, long? CapacityBytes);
