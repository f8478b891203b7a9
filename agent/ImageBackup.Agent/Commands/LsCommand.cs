using System.CommandLine;
using System.Globalization;
using ImageBackup.FileRestore;
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Paths;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.Agent.Commands;

/// <summary>The "ls" command: lists the volumes of a generation, or the entries of a directory in one, reading only the chunks needed.</summary>
internal static class LsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var generation = CommonOptions.Generation();
        var store = CommonOptions.Store();
        var path = new Option<string?>("--path") { Description = "<volume>:/dir to list (e.g. p1:/ or vg_root/lv_root:/etc); without it, the volumes are listed" };
        var command = new Command("ls", "List the volumes of a generation, or a directory inside one, without restoring it") { generation, store, path };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = await RestoreFilesSession.OpenAsync(result.GetValue(store)!, result.GetValue(generation)!, cancellationToken);
            var pathText = result.GetValue(path);
            return await RestoreFilesSession.RunAsync(() => pathText is null ? ListVolumes(session) : ListPath(session, ImagePath.Parse(pathText)), cancellationToken);
        });
        return command;
    }

    private static int ListVolumes(RestoreFilesSession session)
    {
        var output = System.Console.Out;
        output.WriteLine($"{"VOLUME",-24} {"KIND",-10} {"FS",-12} {"SIZE",10}  {"LABEL",-16} NOTES");
        foreach (var volume in session.Volumes.Volumes)
        {
            var notes = new List<string>();
            var label = volume.Label;
            if (volume.Refusal is not null)
            {
                notes.Add(volume.Refusal);
            }
            else
            {
                try
                {
                    var fileSystem = session.FileSystem(volume.Name);
                    label = fileSystem.Label ?? label;
                    notes.AddRange(fileSystem.Warnings.Select(w => "warning: " + w));
                }
                catch (Exception e) when (e is CorruptImageException or UnsupportedLayoutException)
                {
                    notes.Add("cannot open: " + e.Message);
                }
            }
            var kind = volume.Kind switch { VolumeKind.Disk => "disk", VolumeKind.Partition => "partition", _ => "lvm-lv" };
            output.WriteLine($"{volume.Name,-24} {kind,-10} {volume.FileSystem ?? "-",-12} {FormatSize(volume.Size),10}  {label ?? "-",-16} {string.Join("; ", notes)}");
        }
        foreach (var note in session.Volumes.Notes)
        {
            output.WriteLine($"note: {note}");
        }
        return ExitCodes.Success;
    }

    private static int ListPath(RestoreFilesSession session, ImagePath path)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var fileSystem = session.FileSystem(path.Volume);
        var entry = PathResolver.Resolve(fileSystem, path.Components);
        var entries = entry.Kind == FileEntryKind.Directory
            ? fileSystem.List(entry).OrderBy(e => e.Name, StringComparer.Ordinal).ToList()
            : [entry];
        using var output = new StreamWriter(System.Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        foreach (var item in entries)
        {
            var name = item.Kind == FileEntryKind.Symlink ? $"{item.Name} -> {fileSystem.ReadLinkTarget(item)}" : item.Name;
            var mode = item.UnixMode is { } m ? Convert.ToString(m, 8).PadLeft(4, '0') : "-";
            output.WriteLine($"{TypeLetter(item.Kind)} {mode,4} {item.Size,14} {item.ModifiedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {name}");
        }
        output.Flush();
        System.Console.Error.WriteLine($"{entries.Count} entries in {stopwatch.ElapsedMilliseconds} ms (volumes, path and listing); {session.Source.BytesFetched} bytes fetched from the store");
        return ExitCodes.Success;
    }

    private static char TypeLetter(FileEntryKind kind) => kind switch
    {
        FileEntryKind.Directory => 'd',
        FileEntryKind.Symlink => 'l',
        FileEntryKind.File => '-',
        _ => '?',
    };

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 40 => $"{bytes / (double)(1L << 40):0.0} TiB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        _ => $"{bytes / 1024.0:0.0} KiB",
    };
}
