namespace ImageBackup.Agent.Commands;

/// <summary>Exit codes specific to ls and restore-files (documented in agent/README.md), next to the shared <see cref="ExitCodes"/>.</summary>
internal static class RestoreFilesExitCodes
{
    /// <summary>The volume, partition table, LVM layout or file-system feature is recognised but not read (LDM, thin LV, ReFS, inline_data…).</summary>
    public const int UnsupportedLayout = 9;

    /// <summary>The volume or path named by --path does not exist in the generation (or a parent is a link, which is not followed).</summary>
    public const int PathNotFound = 10;

    /// <summary>Something exists at a restore destination and --overwrite was not given; nothing was replaced.</summary>
    public const int TargetExists = 11;
}
