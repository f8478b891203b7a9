using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Agent.Daemon;

/// <summary>
/// A minimal <see cref="ILogger"/> that writes one timestamped line per message (<c>2027-01-04T15:00:05Z info: …</c>),
/// for the daemon's stderr (journald keeps it) and for simulations that prefix each agent's lines.
/// </summary>
public sealed class LineLogger(TextWriter writer, LogLevel minimum = LogLevel.Information, string prefix = "") : ILogger
{
    private readonly Lock gate = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var level = logLevel switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "error",
            _ => "crit",
        };
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {level}: {prefix}{formatter(state, exception)}");
        if (exception is not null)
        {
            line += " (" + LogSafe.Text(exception.Message) + ")";
        }
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }
}
