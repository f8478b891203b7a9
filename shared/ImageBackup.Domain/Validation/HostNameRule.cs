namespace ImageBackup.Domain.Validation;

/// <summary>
/// RFC 1123 host names: at most 253 characters, dot-separated labels of 1–63 letters, digits and hyphens, no label
/// starting or ending with a hyphen, and a last label that is not all digits (so "10.0.0.1" is not a host name).
/// A single label ("web01") is allowed; a trailing dot is not.
/// </summary>
public static class HostNameRule
{
    /// <summary>Longest host name accepted.</summary>
    public const int MaxLength = 253;

    /// <summary>Whether <paramref name="hostName"/> is an acceptable host name.</summary>
    public static bool IsValid(string hostName)
    {
        ArgumentNullException.ThrowIfNull(hostName);
        if (hostName.Length is 0 or > MaxLength)
        {
            return false;
        }

        var labels = hostName.Split('.');
        return labels.All(IsLabel) && !labels[^1].All(char.IsAsciiDigit);
    }

    private static bool IsLabel(string label) =>
        label.Length is >= 1 and <= 63
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
