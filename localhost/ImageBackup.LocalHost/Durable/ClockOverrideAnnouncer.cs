using ImageBackup.Functions.Platform;
using ImageBackup.LocalHost.Configuration;
using Microsoft.DurableTask.Client;

namespace ImageBackup.LocalHost.Durable;

/// <summary>
/// When the host starts with a clock override, wakes the running orchestrations whose timers follow the app's clock,
/// so a restart with a later clock also moves their deadlines (durable timers themselves run on real time).
/// </summary>
public sealed class ClockOverrideAnnouncer(IConfiguration configuration, DurableTaskClient client, ILogger<ClockOverrideAnnouncer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuration[ClockOverride.Setting]))
        {
            return;
        }

        var woken = 0;
        foreach (var prefix in AppClockEvents.ListeningInstancePrefixes)
        {
            var query = new OrchestrationQuery
            {
                InstanceIdPrefix = prefix,
                Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
            };
            await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                await client.RaiseEventAsync(instance.InstanceId, AppClockEvents.ChangedEvent, null, cancellationToken);
                woken++;
            }
        }

        logger.LogInformation("Clock override: woke {Count} orchestrations that follow the app clock", woken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
