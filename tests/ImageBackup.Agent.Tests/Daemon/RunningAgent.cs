using System.Diagnostics;
using System.Text;
using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Daemon;

/// <summary><c>imagebackup-agent run</c> as a child process whose stderr is collected line by line, so a test can wait for a log line and stop it with SIGTERM.</summary>
internal sealed class RunningAgent : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly StringBuilder error = new();

    private RunningAgent(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public string StandardError
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public static RunningAgent Start(Uri api, string stateDirectory, string source, params string[] more) =>
        new(AgentProcess.Start(["run", "--api", api.ToString(), "--state-dir", stateDirectory, "--source", source, "--poll-wait", "5s", .. more]));

    /// <summary>Waits until stderr contains <paramref name="text"/>; fails when the process ends first or after three minutes.</summary>
    public async Task WaitForLogAsync(string text)
    {
        var until = DateTime.UtcNow + Patience;
        while (!StandardError.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > until)
            {
                Assert.Fail($"the agent never logged '{text}' (exited: {process.HasExited}):\n{StandardError}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Sends SIGTERM, as systemd stops the service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Sends SIGKILL, as a crash or a power cut would end it: no cleanup of any kind.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    /// <summary>Waits for the exit code (three minutes at most).</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the agent did not exit within {Patience}:\n{StandardError}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}
