namespace ImageBackup.Agent.Tests.Support;

/// <summary>A fresh folder under the system temp directory for one test, deleted on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("imagebackup-agent-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Store => File("store");

    public string[] ChunkFiles() =>
        Directory.Exists(System.IO.Path.Combine(Store, "chunks"))
            ? Directory.EnumerateFiles(System.IO.Path.Combine(Store, "chunks"), "*", SearchOption.AllDirectories)
                .Where(path => System.IO.Path.GetFileName(path).Length == 64)
                .ToArray()
            : [];

    public string[] Generations() =>
        Directory.Exists(System.IO.Path.Combine(Store, "generations"))
            ? Directory.GetFiles(System.IO.Path.Combine(Store, "generations"), "*.json")
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
