using System.Globalization;

namespace ImageBackup.Agent;

/// <summary>Parses human byte sizes such as "50M" or "1.5G" (binary multiples), so bandwidth limits read naturally on the command line.</summary>
internal static class ByteSize
{
    /// <summary>Returns the number of bytes, or null when <paramref name="text"/> is not a positive size.</summary>
    public static long? TryParse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var multiplier = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            'T' => 1L << 40,
            _ => 1L,
        };
        var number = multiplier == 1 ? text : text[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? (long)(value * multiplier)
            : null;
    }
}
