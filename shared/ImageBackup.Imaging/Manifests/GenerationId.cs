using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ImageBackup.Imaging.Manifests;

/// <summary>Creates and checks generation ids (<c>yyyyMMddTHHmmssZ-xxxxxxxx</c>), which sort by capture time and never collide.</summary>
public static partial class GenerationId
{
    /// <summary>Returns a new id for a capture started at <paramref name="capturedAt"/>.</summary>
    public static string New(DateTimeOffset capturedAt) =>
        capturedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
        + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>True when <paramref name="id"/> has the shape of a generation id (so it is safe in a path or blob name).</summary>
    public static bool IsValid(string id) => Shape().IsMatch(id);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$")]
    private static partial Regex Shape();
}
