using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ImageBackup.Domain.Validation;

/// <summary>
/// Stricter than <see cref="IPAddress.TryParse(string, out IPAddress)"/> (which reads "1" as 0.0.0.1): IPv4 must be a
/// dotted quad of 0–255 without leading zeros ("010.0.0.1" is refused, as some tools read it as octal); IPv6 must contain
/// a colon, with no brackets, zone id or spaces. Unspecified, loopback, multicast and broadcast addresses are refused.
/// </summary>
public static class IpAddressRule
{
    /// <summary>The canonical text of a valid address, or the rule it breaks.</summary>
    public static (string? Canonical, string? BrokenRule) Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var address = text.Contains(':', StringComparison.Ordinal) ? ParseV6(text) : ParseV4(text);
        if (address is null)
        {
            return (null, ValidationRules.IpAddress);
        }

        return IsHostAddress(address) ? (address.ToString(), null) : (null, ValidationRules.IpAddressNotHost);
    }

    private static IPAddress? ParseV4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4 || !parts.All(IsOctet))
        {
            return null;
        }

        return new IPAddress([.. parts.Select(p => byte.Parse(p, CultureInfo.InvariantCulture))]);
    }

    private static bool IsOctet(string part) =>
        part.Length is >= 1 and <= 3 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0')
        && int.Parse(part, CultureInfo.InvariantCulture) <= 255;

    private static IPAddress? ParseV6(string text) =>
        text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
        && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? address
            : null;

    private static bool IsHostAddress(IPAddress parsed)
    {
        var address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return !IPAddress.IsLoopback(address)
            && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            && !address.Equals(IPAddress.Broadcast)
            && !address.IsIPv6Multicast
            && !(address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239);
    }
}
