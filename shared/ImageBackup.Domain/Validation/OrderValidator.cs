using System.Globalization;
using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Validation;

/// <summary>Checks an order form against every ordering rule at once, so a client sees all its mistakes in one answer.</summary>
public static class OrderValidator
{
    /// <summary>Largest effective capacity of a backed-up server: 2 TB (decimal, as disks are sold).</summary>
    public const long MaxCapacityBytes = 2_000_000_000_000L;

    /// <summary>Validates the form; the result carries either all errors or the canonical order.</summary>
    public static OrderValidationResult Validate(OrderRequest? request)
    {
        var errors = new List<ValidationError>();
        var server = CheckServer(request?.Server, errors);
        var plans = PlanSelectionRule.Check(request?.Plans, errors);
        return errors.Count == 0 && server is not null
            ? new(errors, new ValidatedOrder(server, plans))
            : new(errors, null);
    }

    private static ServerTarget? CheckServer(ServerRequest? server, List<ValidationError> errors)
    {
        if (server is null)
        {
            errors.Add(new("server", ValidationRules.Required, "The server to back up is required."));
            return null;
        }

        var count = errors.Count;
        var hostName = server.HostName;
        if (string.IsNullOrWhiteSpace(hostName))
        {
            errors.Add(new("server.hostname", ValidationRules.Required, "The host name is required."));
        }
        else if (!HostNameRule.IsValid(hostName))
        {
            errors.Add(new("server.hostname", ValidationRules.HostName,
                "The host name must be RFC 1123: up to 253 characters, labels of 1-63 letters, digits or hyphens, no spaces."));
        }

        var ip = CheckIpAddress(server.IpAddress, errors);
        ServerOs os = default;
        if (string.IsNullOrWhiteSpace(server.Os))
        {
            errors.Add(new("server.os", ValidationRules.Required, "The operating system is required."));
        }
        else if (!ServerOsNames.TryParse(server.Os, out os))
        {
            errors.Add(new("server.os", ValidationRules.UnsupportedOs,
                $"'{server.Os}' is not supported; use one of: {string.Join(", ", Enum.GetValues<ServerOs>().Select(ServerOsNames.WireName))}."));
        }

        if (server.CapacityBytes is not { } capacity)
        {
            errors.Add(new("server.capacityBytes", ValidationRules.Required, "The capacity in bytes is required."));
        }
        else if (capacity is < 1 or > MaxCapacityBytes)
        {
            errors.Add(new("server.capacityBytes", ValidationRules.Range, string.Create(CultureInfo.InvariantCulture,
                $"The capacity must be between 1 and {MaxCapacityBytes:N0} bytes (2 TB).")));
        }

        return errors.Count == count ? new ServerTarget(hostName!.ToLowerInvariant(), ip!, os, server.CapacityBytes!.Value) : null;
    }

    private static string? CheckIpAddress(string? text, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new("server.ipAddress", ValidationRules.Required, "The IP address is required."));
            return null;
        }

        var (canonical, broken) = IpAddressRule.Check(text);
        if (broken is not null)
        {
            errors.Add(new("server.ipAddress", broken, broken == ValidationRules.IpAddress
                ? "The IP address must be an IPv4 dotted quad without leading zeros (203.0.113.10) or an IPv6 address (2001:db8::10)."
                : "The IP address cannot be an unspecified, loopback, multicast or broadcast address."));
        }

        return canonical;
    }
}
