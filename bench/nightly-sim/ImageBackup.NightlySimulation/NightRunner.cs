using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ImageBackup.NightlySimulation;

/// <summary>Starts a night through the ops API and follows <c>GET /api/ops/nightly-runs/{date}</c> until the run has finished.</summary>
internal sealed class NightRunner(ServiceApi api, SimulationOptions options)
{
    private static readonly string[] Finished = ["Completed", "Failed", "Terminated"];

    /// <summary>Runs the night; returns when it was started (UTC), the wall time to the finished run and the last status answer.</summary>
    public async Task<(DateTime Started, TimeSpan Wall, JsonElement Status)> RunAsync()
    {
        var date = options.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = options.MaxInFlight is { } cap ? $$"""{"date":"{{date}}","maxInFlight":{{cap}}}""" : $$"""{"date":"{{date}}"}""";
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await api.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "api/ops/nightly-runs", options.OpsKey, body);
        var last = "";
        var killAt = options.KillHostInFlight;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(killAt is null ? 5 : 1));
            HttpStatusCode status;
            JsonElement answer;
            try
            {
                (status, answer) = await api.SendAsync(HttpMethod.Get, $"api/ops/nightly-runs/{date}", options.OpsKey);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                continue; // the host is restarting
            }
            if (status != HttpStatusCode.OK)
            {
                continue;
            }
            // In flight: started and without an outcome; wait until half of them have their command out at an agent, so
            // the crash hits captures at every stage (not sent, capturing, reported, committing).
            if (killAt is { } threshold && InFlight(answer) >= threshold && CommandsOut(answer) >= threshold / 2)
            {
                HostKiller.Kill(options.HostPidFile, InFlight(answer), CommandsOut(answer), clock.Elapsed);
                killAt = null;
            }
            var runtime = answer.TryGetProperty("runtimeStatus", out var value) ? value.GetString() ?? "" : "";
            var line = $"{runtime} {Compact(answer, "progress")} {Compact(answer, "totals")}";
            if (line != last)
            {
                Console.Error.WriteLine($"sim: {clock.Elapsed.TotalSeconds,6:0} s {line}");
                last = line;
            }
            if (Finished.Contains(runtime, StringComparer.OrdinalIgnoreCase))
            {
                return (started, clock.Elapsed, answer);
            }
            if (clock.Elapsed > options.Timeout)
            {
                Console.Error.WriteLine($"sim: the night did not finish within {options.Timeout}");
                return (started, clock.Elapsed, answer);
            }
        }
    }

    /// <summary>Captures started and without an outcome (the orchestration's progress).</summary>
    private static int InFlight(JsonElement answer) => NumberAt(answer, "progress", "inFlight");

    /// <summary>Captures whose command is out as the outcome table sees them: sent, no outcome committed yet.</summary>
    private static int CommandsOut(JsonElement answer) => NumberAt(answer, "totals", "running");

    private static int NumberAt(JsonElement answer, string parent, string property) =>
        answer.TryGetProperty(parent, out var inner) && inner.ValueKind == JsonValueKind.Object
        && inner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : 0;

    /// <summary>A property as one line of JSON, or nothing.</summary>
    public static string Compact(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? property + "=" + value.GetRawText().ReplaceLineEndings("")
            : "";
}
