using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>
/// One synthetic server of a drill night (<c>servers</c> given to <c>POST /api/ops/nightly-runs</c>): exercises the fan-out,
/// the task hub and crash recovery without agents, so operations can test the machinery on a new deployment.
/// </summary>
public sealed class DrillServerActivity(ILogger<DrillServerActivity> logger) : TaskActivity<DrillServerInput, ServerRunOutcome>
{
    /// <inheritdoc />
    public override async Task<ServerRunOutcome> RunAsync(TaskActivityContext context, DrillServerInput input)
    {
        if (input.WorkMilliseconds > 0)
        {
            await Task.Delay(input.WorkMilliseconds);
        }

        logger.LogDebug("Drill server {Server} of the night of {Date} done", input.Server, input.Date);
        return new ServerRunOutcome(input.Server, "succeeded", null);
    }
}
