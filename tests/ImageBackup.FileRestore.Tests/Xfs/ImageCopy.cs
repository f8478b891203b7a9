namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>A sparse copy of a fixture image that a test patches; deleted when the test disposes it.</summary>
internal sealed class ImageCopy(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose() => File.Delete(Path);
}
