using System.Collections.Concurrent;
using System.Globalization;
using ImageBackup.Agent.Daemon;
using Microsoft.Extensions.Logging;

namespace ImageBackup.NightlySimulation;

/// <summary>Runs one real <see cref="AgentDaemon"/> per simulated server in this process, all sharing one HTTP connection pool.</summary>
internal sealed class AgentFleet(HttpClient http, SimulationOptions options, Fleet fleet) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<(SimServer Server, AgentDaemon Daemon, Task Run)> agents = [];
    private readonly ConcurrentQueue<AgentReport> reports = new();

    /// <summary>Every report the agents made so far.</summary>
    public IReadOnlyCollection<AgentReport> Reports => reports;

    /// <summary>How many daemons ended with an error (enrollment refused, key rejected, a bug).</summary>
    public int Faulted => agents.Count(a => a.Run.IsFaulted);

    /// <summary>
    /// Starts every daemon, <paramref name="wave"/> at a time, each wave once the previous one has enrolled (a fleet is
    /// installed over days, not in one second; 2,000 enrollments at once time out on a loaded host). Then each long-polls.
    /// </summary>
    public async Task StartAsync(int wave = 100)
    {
        foreach (var chunk in fleet.Servers.Chunk(wave))
        {
            Start(chunk);
            await WaitUntilEnrolledAsync(TimeSpan.FromMinutes(15), quiet: true);
        }
    }

    private void Start(IEnumerable<SimServer> servers)
    {
        foreach (var server in servers)
        {
            var daemon = new AgentDaemon(http, new AgentDaemonOptions
            {
                Api = options.Api,
                StateDirectory = server.StateDirectory,
                Source = server.Image,
                EnrollmentToken = server.EnrollmentToken,
                Parallelism = options.Parallelism,
                PollWait = options.PollWait,
                HostName = string.Create(CultureInfo.InvariantCulture, $"sim{server.Index:D5}"),
                OperatingSystem = "simulated",
                Reported = (command, answer) => reports.Enqueue(new AgentReport(
                    DateTime.UtcNow, command.Command.CommandId, command.Outcome?.Succeeded == true, answer.Status, command.Outcome?.DurationSeconds)),
            }, new LineLogger(Console.Error, LogLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"agent {server.Index}: ")));
            agents.Add((server, daemon, Task.Run(() => daemon.RunAsync(stop.Token))));
        }
    }

    /// <summary>Waits until every daemon has stored its key (or ended).</summary>
    public async Task WaitUntilEnrolledAsync(TimeSpan timeout, bool quiet = false)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var enrolled = agents.Count(a => File.Exists(a.Daemon.State.CredentialsFile));
            if (enrolled + Faulted >= agents.Count)
            {
                if (quiet)
                {
                    return;
                }
                Console.Error.WriteLine($"sim: {enrolled} agents enrolled, {Faulted} failed");
                foreach (var failed in agents.Where(a => a.Run.IsFaulted).Take(5))
                {
                    Console.Error.WriteLine($"sim: agent {failed.Server.Index}: {failed.Run.Exception?.InnerException?.Message}");
                }
                return;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"only {enrolled} of {agents.Count} agents enrolled within {timeout}");
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>Stops every daemon (as SIGTERM would) and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(agents.Select(a => a.Run));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Counted by Faulted and printed at enrollment.
        }
        stop.Dispose();
    }
}
