using System.CommandLine;
using ImageBackup.FileRestore.Paths;
using ImageBackup.FileRestore.Restore;

namespace ImageBackup.Agent.Commands;

/// <summary>
/// The "restore-files" command: copies named files and directories out of a generation into a target directory,
/// fetching only their chunks; never writes outside the target and never overwrites without --overwrite.
/// </summary>
internal static class RestoreFilesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var generation = CommonOptions.Generation();
        var store = CommonOptions.Store();
        var paths = new Option<string[]>("--path")
        {
            Description = "<volume>:/path of a file or directory to restore (repeatable); it is written under --target by its last name",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var target = new Option<string>("--target") { Description = "Directory to restore into (created when missing)", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace files and links that exist under the target (links are replaced, never followed)" };
        var command = new Command("restore-files", "Restore single files or directories from a generation into a directory") { generation, store, paths, target, overwrite };
        command.SetAction(async (result, cancellationToken) =>
        {
            var pathTexts = result.GetValue(paths)!;
            var targetDirectory = Path.GetFullPath(result.GetValue(target)!);
            using var session = await RestoreFilesSession.OpenAsync(result.GetValue(store)!, result.GetValue(generation)!, cancellationToken);
            var restorer = new FileRestorer(new FileRestoreOptions { Overwrite = result.GetValue(overwrite) });
            return await RestoreFilesSession.RunAsync(() => Restore(session, [.. pathTexts.Select(ImagePath.Parse)], restorer, targetDirectory, cancellationToken), cancellationToken);
        });
        return command;
    }

    private static int Restore(RestoreFilesSession session, List<ImagePath> paths, FileRestorer restorer, string targetDirectory, CancellationToken cancellationToken)
    {
        var resolved = paths.Select(path =>
        {
            var fileSystem = session.FileSystem(path.Volume);
            return (Path: path, FileSystem: fileSystem, Entry: PathResolver.Resolve(fileSystem, path.Components));
        }).ToList();
        var report = new FileRestoreReport();
        try
        {
            Directory.CreateDirectory(targetDirectory);
            foreach (var (path, fileSystem, entry) in resolved)
            {
                var localName = path.Components.Count == 0 ? path.Volume.Replace('/', '_') : path.Components[^1];
                restorer.Restore(fileSystem, entry, localName, targetDirectory, report, cancellationToken);
                System.Console.Error.WriteLine($"restored {path} to {Path.Combine(targetDirectory, localName)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RestoreFilesTargetException(targetDirectory, e);
        }
        foreach (var skipped in report.Skipped)
        {
            System.Console.Error.WriteLine($"skipped: {skipped}");
        }
        System.Console.Error.WriteLine(
            $"{report.Files} files ({report.Bytes} bytes), {report.Directories} directories, {report.Symlinks} links restored; "
            + $"{session.Source.BytesFetched} bytes fetched from the store for generation {session.Source.Manifest.GenerationId}");
        return ExitCodes.Success;
    }
}
