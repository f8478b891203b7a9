using System.CommandLine;
using ImageBackup.Imaging.Storage;
using ImageBackup.Imaging.Verification;

namespace ImageBackup.Agent.Commands;

/// <summary>The "verify" command: checks that every chunk of a generation is present, and with --read-data that it re-hashes correctly.</summary>
internal static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var generation = CommonOptions.Generation();
        var store = CommonOptions.Store();
        var readData = new Option<bool>("--read-data") { Description = "Download every chunk and re-hash it (slower, finds corruption)" };
        var parallelism = CommonOptions.Parallelism();
        var command = new Command("verify", "Check that a generation can be restored") { generation, store, readData, parallelism };
        command.SetAction(async (result, cancellationToken) =>
        {
            var verifier = new ImageVerifier(ChunkStoreFactory.Open(result.GetValue(store)!));
            var report = await verifier.VerifyAsync(result.GetValue(generation)!, result.GetValue(readData), Math.Max(1, CommonOptions.ResolveParallelism(result.GetValue(parallelism), result.GetValue(store)!)), cancellationToken);
            foreach (var problem in report.Problems)
            {
                System.Console.Error.WriteLine($"error: generation {problem.GenerationId}, image offset {problem.ImageOffset}: chunk {problem.ChunkId}: {problem.Reason}");
            }
            var what = report.DataRead ? "read back and re-hashed" : "present";
            System.Console.Out.WriteLine(report.IsHealthy
                ? $"generation {report.GenerationId}: OK, all {report.ChunksChecked} chunks {what}"
                : $"generation {report.GenerationId}: DAMAGED, {report.Problems.Count} extents reference bad chunks");
            return report.IsHealthy ? ExitCodes.Success : ExitCodes.CorruptData;
        });
        return command;
    }
}
