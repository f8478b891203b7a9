namespace ImageBackup.FileRestore.Restore;

/// <summary>How <see cref="FileRestorer"/> treats existing files and how large its copy buffer is.</summary>
public sealed record FileRestoreOptions
{
    /// <summary>Replace existing files, links and directories' entries under the target (never by writing through a link).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Bytes copied per read.</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>Deepest directory nesting restored before the image is called corrupt.</summary>
    public int MaxDepth { get; init; } = 512;
}
