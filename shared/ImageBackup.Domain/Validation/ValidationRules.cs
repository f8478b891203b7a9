namespace ImageBackup.Domain.Validation;

/// <summary>Stable rule names of order validation errors, so clients and tests never match on message text.</summary>
public static class ValidationRules
{
    /// <summary>The field is missing or blank.</summary>
    public const string Required = "required";

    /// <summary>The host name breaks RFC 1123.</summary>
    public const string HostName = "host-name";

    /// <summary>The address is not a dotted-quad IPv4 or an IPv6 address.</summary>
    public const string IpAddress = "ip-address";

    /// <summary>The address is well formed but cannot be a server (unspecified, loopback, multicast, broadcast).</summary>
    public const string IpAddressNotHost = "ip-address-not-host";

    /// <summary>The OS is not one the service backs up.</summary>
    public const string UnsupportedOs = "unsupported-os";

    /// <summary>A number is outside its allowed range.</summary>
    public const string Range = "range";

    /// <summary>The plan code is not in the catalog.</summary>
    public const string UnknownPlan = "unknown-plan";

    /// <summary>The plan was already listed earlier in the order.</summary>
    public const string DuplicatePlan = "duplicate-plan";

    /// <summary>A second remote (Hokkaido) plan was listed.</summary>
    public const string OneRemotePlan = "one-remote-plan";
}
