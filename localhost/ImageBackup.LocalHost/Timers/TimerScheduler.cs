using Cronos;
using ImageBackup.LocalHost.Functions;

namespace ImageBackup.LocalHost.Timers;

/// <summary>Fires every <c>[TimerTrigger]</c> function on its six-field UTC CRON schedule, following the app's clock.</summary>
public sealed class TimerScheduler(FunctionCatalog catalog, TimerFunctionRunner runner, ServedFunctions served, TimeProvider clock, ILogger<TimerScheduler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.OfKind(FunctionKind.Timer).Select(f => RunScheduleAsync(f, stoppingToken)));

    private async Task RunScheduleAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var cron = CronExpression.Parse(function.Schedule!, CronFormat.IncludeSeconds);
        served.Add(function.Name, FunctionKind.Timer);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            logger.LogInformation("Timer function {Function} next runs at {Next:o}", function.Name, next.Value);
            try
            {
                await Task.Delay(next.Value - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await runner.RunAsync(function, isPastDue: false, stoppingToken);
        }
    }
}
