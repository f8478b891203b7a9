using System.CommandLine;
using System.Reflection;
using ImageBackup.Agent.Console;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Agent.Commands;

/// <summary>The "capture" command: reads a disk image into the store as a new generation and prints its id last on stdout.</summary>
internal static class CaptureCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Device or image file to capture, or - for standard input", Required = true };
        var store = CommonOptions.Store();
        var host = new Option<string>("--host") { Description = "Host name recorded in the manifest (default: this machine)", DefaultValueFactory = _ => Environment.MachineName };
        var os = new Option<string>("--os") { Description = "Operating system recorded in the manifest (default: this machine's)", DefaultValueFactory = _ => System.Runtime.InteropServices.RuntimeInformation.OSDescription };
        var parallelism = CommonOptions.Parallelism();
        var bandwidth = new Option<string?>("--bandwidth-limit") { Description = "Upper bound on upload rate in bytes/s; accepts K, M, G suffixes (e.g. 50M)" };
        var usedBlocksOnly = new Option<bool>("--used-blocks-only") { Description = "Read only the blocks file systems use; unused blocks are captured as zeros. Understood: " + DiskUsedRangeReader.Layouts + ". Everything else (partition tables, gaps, LVM metadata, swap, other or dirty file systems) is captured whole" };
        var chunkSize = new Option<string?>("--chunk-size") { Description = "Fixed chunk size (default 256K); for measurements", Hidden = true };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Local directory for the change cache (default: $IMAGEBACKUP_CACHE_DIR, else ~/.cache/imagebackup-agent)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Hash every block with SHA-256 and check it against the store instead of trusting the change cache" };
        var level = new Option<int>("--zstd-level") { Description = "zstd level (default 1); for measurements", Hidden = true, DefaultValueFactory = _ => ImageFormat.DefaultCompressionLevel };
        var command = new Command("capture", "Capture a disk image into the store as a new generation; prints the generation id last")
        {
            source, store, host, os, parallelism, bandwidth, usedBlocksOnly, cacheDir, noCache, chunkSize, level,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            long? limit = null;
            if (result.GetValue(bandwidth) is { } text && (limit = ByteSize.TryParse(text)) is null)
            {
                return Usage($"--bandwidth-limit: '{text}' is not a size such as 50M");
            }
            var size = ImageFormat.DefaultChunkSize;
            if (result.GetValue(chunkSize) is { } sizeText)
            {
                size = (int)(ByteSize.TryParse(sizeText) ?? 0);
                if (size is < ImageFormat.MinChunkSize or > ImageFormat.MaxChunkSize)
                {
                    return Usage($"--chunk-size: '{sizeText}' must be between 64K and 16M");
                }
            }
            var workers = CommonOptions.ResolveParallelism(result.GetValue(parallelism), result.GetValue(store)!);
            if (workers < 1)
            {
                return Usage("--parallelism must be at least 1");
            }
            var sourcePath = result.GetValue(source)!;
            var recordedPath = sourcePath == "-" ? "-" : Path.GetFullPath(sourcePath);
            await using var input = SourceOpener.Open(sourcePath);
            var options = new CaptureOptions
            {
                Source = new SourceMetadata(result.GetValue(host)!, result.GetValue(os)!, recordedPath, DateTimeOffset.UtcNow, ToolVersion(), result.GetValue(usedBlocksOnly)),
                ChunkSize = size,
                CompressionLevel = result.GetValue(level),
                Parallelism = workers,
                BandwidthLimit = limit,
                UsedRanges = result.GetValue(usedBlocksOnly) ? new DiskUsedRangeReader(note => System.Console.Error.WriteLine("used blocks: " + note)) : null,
                CacheDirectory = result.GetValue(noCache) ? null : result.GetValue(cacheDir) ?? DefaultCacheDirectory(),
            };
            var requests = new HttpRequestTally();
            return await RunAsync(input, ChunkStoreFactory.Open(result.GetValue(store)!, createIfMissing: true, requests), options, requests, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Stream input, IChunkStore store, CaptureOptions options, HttpRequestTally requests, CancellationToken cancellationToken)
    {
        var printer = new ProgressPrinter("captured", null);
        System.Console.Error.WriteLine($"capturing {options.Source.SourcePath} into {store.Description} (zstd: {(ImageBackup.Imaging.Format.Zstd.ZstdCodecs.UsesNative ? "native libzstd" : "managed ZstdSharp")}, {options.Parallelism} workers)");
        var manifest = await new ImageCapturer(store).CaptureAsync(input, options with { Progress = new CaptureProgressSink(printer) }, cancellationToken);
        printer.Finish(manifest.ImageSize);
        var totals = manifest.Totals;
        System.Console.Error.WriteLine(
            $"committed generation {manifest.GenerationId}: {ProgressPrinter.Bytes(totals.BytesRead)} image, {totals.DataChunks} data chunks, "
            + $"{totals.NewChunks} new ({ProgressPrinter.Bytes(totals.NewBytesStored)} stored), {ProgressPrinter.Bytes(totals.ZeroBytes)} zeros"
            + (requests.Total > 0 ? $"; {requests}" : ""));
        System.Console.Out.WriteLine(manifest.GenerationId);
        return ExitCodes.Success;
    }

    private static string DefaultCacheDirectory() =>
        Environment.GetEnvironmentVariable("IMAGEBACKUP_CACHE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "imagebackup-agent");

    private static int Usage(string message)
    {
        System.Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    private static string ToolVersion() =>
        "imagebackup-agent " + (typeof(CaptureCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");
}
