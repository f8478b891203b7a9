using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Fans out one capture per server of a night in batches, and sums up the outcomes.</summary>
public sealed class NightlyRunOrchestrator : TaskOrchestrator<NightlyRunInput, NightlyRunSummary>
{
    /// <summary>Most captures started at once in one batch.</summary>
    public const int BatchSize = 1_000;

    /// <inheritdoc />
    public override async Task<NightlyRunSummary> RunAsync(TaskOrchestrationContext context, NightlyRunInput input)
    {
        var outcomes = new List<ServerRunOutcome>(input.Servers.Count);
        context.SetCustomStatus(new NightlyRunProgress(input.Servers.Count, 0));
        foreach (var batch in input.Servers.Chunk(BatchSize))
        {
            var tasks = batch.Select(server => context.CallActivityAsync<ServerRunOutcome>(
                nameof(ServerCaptureActivity), new ServerCaptureInput(input.Date, server, input.WorkMilliseconds)));
            outcomes.AddRange(await Task.WhenAll(tasks));
            context.SetCustomStatus(new NightlyRunProgress(input.Servers.Count, outcomes.Count));
        }

        return new NightlyRunSummary(
            input.Date,
            outcomes.Count,
            outcomes.Count(o => o.Status == "succeeded"),
            outcomes.Count(o => o.Status == "failed"),
            outcomes.Count(o => o.Status == "missed"),
            outcomes.Count(o => o.Status == "skipped"),
            outcomes);
    }
}
