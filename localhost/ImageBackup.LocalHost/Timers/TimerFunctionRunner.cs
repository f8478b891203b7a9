using ImageBackup.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.LocalHost.Timers;

/// <summary>Runs one timer function now, for its schedule and for the admin endpoint alike.</summary>
public sealed class TimerFunctionRunner(IServiceScopeFactory scopes, FunctionInvoker invoker, ILogger<TimerFunctionRunner> logger)
{
    /// <summary>Invokes the timer function; failures are logged, not thrown, as the Functions host does.</summary>
    public async Task<bool> RunAsync(FunctionDescriptor function, bool isPastDue, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var timerInfo = new TimerInfo { IsPastDue = isPastDue };
        try
        {
            await invoker.InvokeAsync(function, scope.ServiceProvider, BindTimer, cancellationToken);
            logger.LogInformation("Timer function {Function} ran", function.Name);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Timer function {Function} failed", function.Name);
            return false;
        }

        bool BindTimer(System.Reflection.ParameterInfo parameter, out object? value)
        {
            value = parameter.ParameterType == typeof(TimerInfo) ? timerInfo : null;
            return value is not null;
        }
    }
}
