namespace ImageBackup.Agent.Tests.Support;

/// <summary>Outcome of one finished imagebackup-agent process.</summary>
internal sealed record AgentRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string LastOutputLine => StandardOutput.TrimEnd().Split('\n')[^1].Trim();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
