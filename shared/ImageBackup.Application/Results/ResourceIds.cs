using System.Buffers;

namespace ImageBackup.Application.Results;

/// <summary>The shape of resource ids (<c>ctr-</c> or <c>cus-</c> and 16 hex digits), so malformed ids are refused before any lookup.</summary>
public static class ResourceIds
{
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    /// <summary>Whether <paramref name="id"/> is <paramref name="prefix"/> followed by 16 lower-case hex digits.</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null && id.Length == prefix.Length + 16 && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.AsSpan(prefix.Length).IndexOfAnyExcept(Hex) < 0;

    /// <summary>The id with control characters removed and cut to 40 characters, safe to echo in a message.</summary>
    public static string Printable(string id) => new(id.Where(c => !char.IsControl(c)).Take(40).ToArray());
}
