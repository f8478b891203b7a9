using System.Text.RegularExpressions;

namespace ImageBackup.Domain.Tests.Billing;

/// <summary>Reads the machine-readable examples of docs/billing.md, so the document and the code cannot drift apart.</summary>
internal static partial class DocumentedExamples
{
    private static readonly Lazy<string> Markdown = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "billing.md")));

    /// <summary>The example names of one tag, as test data rows (the name keeps test output readable).</summary>
    public static IEnumerable<object[]> Names(string tag) => Bodies(tag).Select(b => new object[] { NameOf(b) });

    /// <summary>The JSON body of the example with that tag and name.</summary>
    public static string Json(string tag, string name) => Bodies(tag).Single(b => NameOf(b) == name);

    private static IEnumerable<string> Bodies(string tag) =>
        FencedBlock().Matches(Markdown.Value).Where(m => m.Groups["tag"].Value == tag).Select(m => m.Groups["body"].Value);

    private static string NameOf(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("name").GetString()!;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImageBackup.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImageBackup.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(?<tag>[a-z-]+-example)\s*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
