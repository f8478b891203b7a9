namespace ImageBackup.Agent.Commands;

/// <summary>Wraps a local write failure of restore-files (disk full, permission) so it maps to the target exit code, not to a store error.</summary>
internal sealed class RestoreFilesTargetException(string target, Exception inner)
    : Exception($"cannot write under {target}: {inner.Message}", inner);
