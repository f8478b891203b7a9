using System.Diagnostics;

namespace ImageBackup.Agent.Tests.Support;

/// <summary>Runs the real imagebackup-agent as a separate process via "dotnet imagebackup-agent.dll", as an operator would.</summary>
internal static class AgentProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "imagebackup-agent.dll");

    public static Process Start(IEnumerable<string> arguments, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
    }

    public static async Task<AgentRun> RunAsync(params string[] arguments) => await RunAsync(arguments, stdinFile: null);

    public static async Task<AgentRun> RunAsync(string[] arguments, string? stdinFile)
    {
        using var process = Start(arguments, redirectInput: stdinFile is not null);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdinFile is not null)
        {
            await using (var input = File.OpenRead(stdinFile))
            {
                await input.CopyToAsync(process.StandardInput.BaseStream);
            }
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"imagebackup-agent {string.Join(' ', arguments)} did not finish within {Timeout}");
        }
        return new AgentRun(process.ExitCode, await output, await error);
    }
}
