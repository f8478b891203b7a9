namespace ImageBackup.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding ImageBackup.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The path of a file under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ImageBackup.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ImageBackup.sln not found above " + AppContext.BaseDirectory);
    }
}
