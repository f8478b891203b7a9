using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>
/// Runs a night: pages through the contracts (skipping servers under maintenance), runs one capture orchestration per
/// server with a cap on captures in flight, and continues as new after each page so its history stays small.
/// </summary>
/// <remarks>
/// Sub-orchestrations have fixed ids (<c>capture-{yyyyMMdd}-{contract hex}</c>), so a replay or a restarted host never
/// captures a server twice in a night. A drill night (synthetic <see cref="NightlyRunInput.Servers"/>) runs
/// <see cref="DrillServerActivity"/> instead.
/// </remarks>
public sealed class NightlyRunOrchestrator : TaskOrchestrator<NightlyRunInput, NightlyRunSummary>
{
    /// <summary>Most captures ever outstanding at once (and most servers per page).</summary>
    public const int MaxBatch = NightlyServerSelection.MaxPageSize;

    /// <inheritdoc />
    public override async Task<NightlyRunSummary> RunAsync(TaskOrchestrationContext context, NightlyRunInput input)
    {
        var cap = Math.Clamp(input.MaxInFlight, 1, MaxBatch);
        if (input.Servers.Count > 0)
        {
            var drill = await FanOutAsync(context, input.Servers, cap, NightlyRunTotals.Empty, server => context.CallActivityAsync<ServerRunOutcome>(
                nameof(DrillServerActivity), new DrillServerInput(input.Date, server, input.WorkMilliseconds)));
            return NightlyRunSummary.Of(input.Date, drill);
        }

        var totals = input.Totals ?? NightlyRunTotals.Empty;
        var page = await context.CallActivityAsync<NightlyServerPage>(
            nameof(ListNightlyServersActivity), new ListNightlyServersInput(input.Date, input.Continuation, Math.Clamp(input.PageSize, 1, MaxBatch)));
        var night = NightlyRunNames.Parse(input.Date);
        var outcomes = await FanOutAsync(context, page.Capture, cap, totals with { Total = totals.Total + page.Skipped, Skipped = totals.Skipped + page.Skipped }, contractId =>
            context.CallSubOrchestratorAsync<ServerRunOutcome>(
                nameof(ServerCaptureOrchestrator),
                new ServerCaptureInput(input.Date, contractId),
                new SubOrchestrationOptions { InstanceId = CaptureIds.InstanceId(night, contractId) }));
        totals = totals.Add(outcomes, page.Skipped);
        if (page.Next is not null)
        {
            context.ContinueAsNew(input with { Continuation = page.Next, Totals = totals });
            return NightlyRunSummary.Of(input.Date, totals);
        }

        return NightlyRunSummary.Of(input.Date, totals);
    }

    private static async Task<IReadOnlyList<ServerRunOutcome>> FanOutAsync(
        TaskOrchestrationContext context, IReadOnlyList<string> servers, int cap, NightlyRunTotals before, Func<string, Task<ServerRunOutcome>> start)
    {
        var waiting = new Queue<string>(servers);
        var running = new List<Task<ServerRunOutcome>>(Math.Min(cap, servers.Count));
        var outcomes = new List<ServerRunOutcome>(servers.Count);
        var known = before.Total + servers.Count;
        while (waiting.Count > 0 || running.Count > 0)
        {
            while (running.Count < cap && waiting.TryDequeue(out var server))
            {
                running.Add(start(server));
            }

            context.SetCustomStatus(new NightlyRunProgress(known, before.Total + outcomes.Count, running.Count));
            var finished = await Task.WhenAny(running);
            running.Remove(finished);
            outcomes.Add(await finished);
        }

        context.SetCustomStatus(new NightlyRunProgress(known, before.Total + outcomes.Count));
        return outcomes;
    }
}
