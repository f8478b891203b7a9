namespace ImageBackup.Domain.Contracts;

/// <summary>The server a contract backs up; fixed for the life of the contract (changing it means cancel and order again).</summary>
/// <param name="HostName">RFC 1123 host name.</param>
/// <param name="IpAddress">Canonical IPv4 dotted quad or IPv6 text.</param>
/// <param name="Os">The operating system to capture.</param>
/// <param name="CapacityBytes">Effective capacity, 1 byte to 2 TB.</param>
public sealed record ServerTarget(string HostName, string IpAddress, ServerOs Os, long CapacityBytes);
