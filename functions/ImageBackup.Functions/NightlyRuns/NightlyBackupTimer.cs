using ImageBackup.Application.NightlyRuns;
using ImageBackup.Domain.Calendar;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Starts the night's run at 00:00 JST (15:00 UTC), once per night whatever the retries.</summary>
public sealed class NightlyBackupTimer(TimeProvider clock, ILogger<NightlyBackupTimer> logger)
{
    /// <summary>The schedule: 00:00 JST is 15:00 UTC of the day before.</summary>
    public const string Schedule = "0 0 15 * * *";

    /// <summary>Timer entry point.</summary>
    [Function(nameof(NightlyBackupTimer))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client)
    {
        // A timer that fires a little early (clock skew) still belongs to the coming night.
        var night = TokyoCalendar.DateOf(clock.GetUtcNow().AddMinutes(30));
        var input = new NightlyRunInput(night.ToString(NightlyRunNames.DateFormat, System.Globalization.CultureInfo.InvariantCulture), [], 0, NightlyRunRequestRules.DefaultMaxInFlight);
        var started = await NightlyRunStarter.TryStartAsync(client, night, input, CancellationToken.None);
        logger.LogInformation("Nightly run {InstanceId}: {Outcome}", NightlyRunNames.InstanceId(night), started ? "started" : "already exists");
    }
}
