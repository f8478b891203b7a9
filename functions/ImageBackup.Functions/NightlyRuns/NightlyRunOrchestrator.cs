using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Runs one capture per server of a night with a cap on captures in flight, and sums up the outcomes.</summary>
/// <remarks>
/// A sliding window keeps at most <see cref="NightlyRunInput.MaxInFlight"/> (never more than <see cref="MaxBatch"/>)
/// activities outstanding; progress is published as custom status after each completion.
/// </remarks>
public sealed class NightlyRunOrchestrator : TaskOrchestrator<NightlyRunInput, NightlyRunSummary>
{
    /// <summary>Most captures ever outstanding at once.</summary>
    public const int MaxBatch = 1_000;

    /// <inheritdoc />
    public override async Task<NightlyRunSummary> RunAsync(TaskOrchestrationContext context, NightlyRunInput input)
    {
        var cap = Math.Clamp(input.MaxInFlight, 1, MaxBatch);
        var waiting = new Queue<string>(input.Servers);
        var running = new List<Task<ServerRunOutcome>>(cap);
        var outcomes = new List<ServerRunOutcome>(input.Servers.Count);
        context.SetCustomStatus(new NightlyRunProgress(input.Servers.Count, 0));
        while (waiting.Count > 0 || running.Count > 0)
        {
            while (running.Count < cap && waiting.TryDequeue(out var server))
            {
                running.Add(context.CallActivityAsync<ServerRunOutcome>(
                    nameof(ServerCaptureActivity), new ServerCaptureInput(input.Date, server, input.WorkMilliseconds)));
            }

            var finished = await Task.WhenAny(running);
            running.Remove(finished);
            outcomes.Add(await finished);
            context.SetCustomStatus(new NightlyRunProgress(input.Servers.Count, outcomes.Count));
        }

        return NightlyRunSummary.Of(input.Date, outcomes);
    }
}
