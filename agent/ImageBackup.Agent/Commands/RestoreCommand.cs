using System.CommandLine;
using ImageBackup.Agent.Console;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Agent.Commands;

/// <summary>The "restore" command: rebuilds a generation byte for byte onto a file or device, writing only verified chunks.</summary>
internal static class RestoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var generation = CommonOptions.Generation();
        var store = CommonOptions.Store();
        var target = new Option<string>("--target") { Description = "File (created sparse, renamed into place when complete) or device to restore to", Required = true };
        var parallelism = CommonOptions.Parallelism();
        var command = new Command("restore", "Restore a generation byte for byte to a file or device") { generation, store, target, parallelism };
        command.SetAction(async (result, cancellationToken) =>
        {
            var chunkStore = ChunkStoreFactory.Open(result.GetValue(store)!);
            var targetPath = result.GetValue(target)!;
            var printer = new ProgressPrinter("restored", null);
            var options = new RestoreOptions { Parallelism = Math.Max(1, CommonOptions.ResolveParallelism(result.GetValue(parallelism), result.GetValue(store)!)), Progress = new RestoreProgressSink(printer) };
            var manifest = await new ImageRestorer(chunkStore).RestoreAsync(result.GetValue(generation)!, targetPath, options, cancellationToken);
            printer.Finish(manifest.ImageSize);
            System.Console.Error.WriteLine($"restored generation {manifest.GenerationId} ({manifest.ImageSize} bytes) to {targetPath}; every chunk verified");
            return ExitCodes.Success;
        });
        return command;
    }
}
