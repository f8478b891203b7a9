namespace ImageBackup.FileRestore.Restore;

/// <summary>What a file restore wrote, so the CLI can print a summary and tests can assert on it.</summary>
public sealed class FileRestoreReport
{
    /// <summary>Regular files written.</summary>
    public int Files { get; internal set; }

    /// <summary>Directories created or merged into.</summary>
    public int Directories { get; internal set; }

    /// <summary>Symbolic links recreated (as links, never followed).</summary>
    public int Symlinks { get; internal set; }

    /// <summary>Bytes of file content restored.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Entries not restored (device nodes, FIFOs, sockets) with the reason.</summary>
    public List<string> Skipped { get; } = [];
}
