using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Captures one server for a night; for now a placeholder that simulates the work (the agent protocol comes with the nightly-captures issue).</summary>
public sealed class ServerCaptureActivity(ILogger<ServerCaptureActivity> logger) : TaskActivity<ServerCaptureInput, ServerRunOutcome>
{
    /// <inheritdoc />
    public override async Task<ServerRunOutcome> RunAsync(TaskActivityContext context, ServerCaptureInput input)
    {
        if (input.WorkMilliseconds > 0)
        {
            await Task.Delay(input.WorkMilliseconds);
        }

        logger.LogDebug("Placeholder capture of {Server} for the night of {Date} done", input.Server, input.Date);
        return new ServerRunOutcome(input.Server, "succeeded", null);
    }
}
