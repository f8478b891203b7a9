using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ImageBackup.Domain.Contracts;

/// <summary>
/// Reads the many ways customers write an OS name ("RHEL 6", "Red Hat 7", "Windows Server 2016") into one
/// <see cref="ServerOs"/>, and lists them so the API description and the parser never disagree.
/// Matching ignores case, spaces, hyphens, underscores and dots.
/// </summary>
public static class ServerOsNames
{
    /// <summary>The wire name (first) and the accepted alternative spellings of each OS, in <see cref="ServerOs"/> order.</summary>
    public static IReadOnlyDictionary<ServerOs, IReadOnlyList<string>> SpellingsByOs { get; } =
        new SortedDictionary<ServerOs, IReadOnlyList<string>>
        {
            [ServerOs.Rhel6] = ["rhel6", "RHEL 6", "Red Hat 6", "RedHat 6", "Red Hat Enterprise Linux 6"],
            [ServerOs.Rhel7] = ["rhel7", "RHEL 7", "Red Hat 7", "RedHat 7", "Red Hat Enterprise Linux 7"],
            [ServerOs.CentOs6] = ["centos6", "CentOS 6", "centos-6"],
            [ServerOs.CentOs7] = ["centos7", "CentOS 7", "centos-7"],
            [ServerOs.Windows2012] = ["windows2012", "Windows Server 2012", "windows-2012", "Windows 2012", "win2012"],
            [ServerOs.Windows2016] = ["windows2016", "Windows Server 2016", "windows-2016", "Windows 2016", "win2016"],
        }.AsReadOnly();

    /// <summary>Every accepted spelling, wire names first, for the OpenAPI description.</summary>
    public static IReadOnlyList<string> AcceptedSpellings { get; } =
        [.. SpellingsByOs.Values.Select(s => s[0]), .. SpellingsByOs.Values.SelectMany(s => s.Skip(1))];

    /// <summary>One sentence for the OpenAPI description of an <c>os</c> field.</summary>
    public static string Description { get; } =
        $"One of {string.Join(", ", AcceptedSpellings.Take(SpellingsByOs.Count))}. Also accepted: "
        + $"{string.Join(", ", AcceptedSpellings.Skip(SpellingsByOs.Count).Select(s => $"\"{s}\""))}. "
        + "Case, spaces, hyphens, underscores and dots are ignored.";

    private static readonly FrozenDictionary<string, ServerOs> ByKey = SpellingsByOs
        .SelectMany(pair => pair.Value.Select(spelling => (Key: Normalize(spelling), Os: pair.Key)))
        .DistinctBy(x => x.Key)
        .ToFrozenDictionary(x => x.Key, x => x.Os);

    /// <summary>The canonical wire name, e.g. <c>centos7</c>.</summary>
    public static string WireName(ServerOs os) => SpellingsByOs[os][0];

    /// <summary>Reads any accepted spelling; <c>false</c> for unsupported or empty input.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ServerOs os)
    {
        os = default;
        return text is not null && ByKey.TryGetValue(Normalize(text), out os);
    }

    private static string Normalize(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => c is not (' ' or '-' or '_' or '.' or '\t')))
        {
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }
}
