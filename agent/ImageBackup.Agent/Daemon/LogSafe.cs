using System.Text.RegularExpressions;

namespace ImageBackup.Agent.Daemon;

/// <summary>Makes values safe to log: a store URL loses its query string (the SAS signature), texts lose any <c>sig=</c> value and are cut short.</summary>
public static partial class LogSafe
{
    /// <summary>The URL without its query string or fragment; a local path unchanged.</summary>
    public static string StoreUrl(string store)
    {
        var cut = store.IndexOfAny(['?', '#']);
        return cut < 0 ? store : store[..cut];
    }

    /// <summary>At most <paramref name="length"/> characters of <paramref name="text"/> on one line.</summary>
    public static string Text(string? text, int length = 300)
    {
        var line = Signature().Replace((text ?? "").ReplaceLineEndings(" ").Trim(), "sig=REDACTED");
        return line.Length <= length ? line : line[..length] + "…";
    }

    [GeneratedRegex("sig=[^&\\s\"']*", RegexOptions.IgnoreCase)]
    private static partial Regex Signature();
}
