using System.CommandLine;
using ImageBackup.Agent.Daemon;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Agent.Commands;

/// <summary>The "run" command: the nightly-capture daemon (docs/nightly-captures.md §4) that enrolls once, waits for commands and reports.</summary>
internal static class RunCommand
{
    /// <summary>The environment variable that may hold the enrollment token (keeps it out of the process list).</summary>
    public const string TokenVariable = "IMAGEBACKUP_ENROLLMENT_TOKEN";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "Base URL of the backup service, e.g. https://backup.example.net", Required = true };
        var stateDir = new Option<string>("--state-dir") { Description = "Where the agent key and the current command are kept (mode 0600)", DefaultValueFactory = _ => AgentDaemonOptions.DefaultStateDirectory };
        var source = new Option<string>("--source") { Description = "Device or image file captured each night", Required = true };
        var token = new Option<string?>("--enrollment-token") { Description = $"The order's one-time token (ibe_…); needed only for the first run; also read from {TokenVariable}" };
        var usedBlocksOnly = new Option<bool>("--used-blocks-only") { Description = "Read only the blocks file systems use; unused blocks are captured as zeros. Understood: " + ImageBackup.FileRestore.UsedBlocks.DiskUsedRangeReader.Layouts + ". Everything else (partition tables, gaps, LVM metadata, swap, other or dirty file systems) is captured whole" };
        var parallelism = CommonOptions.Parallelism();
        var bandwidth = new Option<string?>("--bandwidth-limit") { Description = "Upper bound on upload rate in bytes/s; accepts K, M, G suffixes (e.g. 50M)" };
        var pollWait = new Option<string>("--poll-wait") { Description = "How long each command poll waits on the service (0s to 60s)", DefaultValueFactory = _ => "30s" };
        var once = new Option<bool>("--once") { Description = "Handle one command (a resumed one or the next to arrive), then exit" };
        var command = new Command("run", "Run the nightly-capture daemon: enroll once, wait for capture commands, capture and report")
        {
            api, stateDir, source, token, usedBlocksOnly, parallelism, bandwidth, pollWait, once,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!Uri.TryCreate(result.GetValue(api), UriKind.Absolute, out var apiUrl) || apiUrl.Scheme is not ("http" or "https"))
            {
                return Usage($"--api: '{result.GetValue(api)}' is not an http(s) URL");
            }
            long? limit = null;
            if (result.GetValue(bandwidth) is { } text && (limit = ByteSize.TryParse(text)) is null)
            {
                return Usage($"--bandwidth-limit: '{text}' is not a size such as 50M");
            }
            if (result.GetValue(parallelism) is < 1)
            {
                return Usage("--parallelism must be at least 1");
            }
            if (ParseWait(result.GetValue(pollWait)!) is not { } wait)
            {
                return Usage($"--poll-wait: '{result.GetValue(pollWait)}' is not 0s to 60s");
            }
            var options = new AgentDaemonOptions
            {
                Api = apiUrl,
                StateDirectory = result.GetValue(stateDir)!,
                Source = result.GetValue(source)!,
                EnrollmentToken = result.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable),
                UsedBlocksOnly = result.GetValue(usedBlocksOnly),
                Parallelism = result.GetValue(parallelism),
                BandwidthLimit = limit,
                PollWait = wait,
                Once = result.GetValue(once),
            };
            var logger = new LineLogger(System.Console.Error);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            try
            {
                await new AgentDaemon(http, options, logger).RunAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (AgentSetupException e)
            {
                System.Console.Error.WriteLine($"error: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }

    /// <summary>Reads "30s", "30" or "1m" as 0 to 60 seconds; null otherwise.</summary>
    public static TimeSpan? ParseWait(string text)
    {
        text = text.Trim();
        var scale = text.EndsWith('m') ? 60 : 1;
        var number = text.TrimEnd('s', 'm');
        return int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value * scale is >= 0 and <= 60
            ? TimeSpan.FromSeconds(value * scale)
            : null;
    }

    private static int Usage(string message)
    {
        System.Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }
}
