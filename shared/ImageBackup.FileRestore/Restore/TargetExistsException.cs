namespace ImageBackup.FileRestore.Restore;

/// <summary>Raised when a restore would replace something under the target and overwriting was not asked for.</summary>
public sealed class TargetExistsException(string path) : Exception($"{path} exists; pass --overwrite to replace it")
{
    /// <summary>The path that exists.</summary>
    public string Path { get; } = path;
}
