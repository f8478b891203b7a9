using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Starts a night's orchestration under its fixed instance id, never restarting one that already exists.</summary>
public static class NightlyRunStarter
{
    /// <summary>Starts the run; returns <c>false</c> when an instance for that night already exists (in any state).</summary>
    public static async Task<bool> TryStartAsync(DurableTaskClient client, DateOnly night, NightlyRunInput input, CancellationToken cancellationToken)
    {
        var instanceId = NightlyRunNames.InstanceId(night);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(NightlyRunOrchestrator), input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (InvalidOperationException)
        {
            // Another caller started the same night between the check and the start.
            return false;
        }
    }
}
