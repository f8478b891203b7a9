using System.CommandLine;
using ImageBackup.Agent;
using ImageBackup.Agent.Commands;
using ImageBackup.Agent.Console;

var root = new RootCommand("imagebackup-agent: capture, restore and verify deduplicated disk images")
{
    CaptureCommand.Create(),
    RestoreCommand.Create(),
    VerifyCommand.Create(),
    LsCommand.Create(),
    RestoreFilesCommand.Create(),
    RunCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }
    Console.Error.WriteLine("run 'imagebackup-agent --help' for usage");
    return ExitCodes.Usage;
}
using var signals = new InterruptSignals();
try
{
    var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
    return await parse.InvokeAsync(configuration, signals.Token);
}
catch (Exception e)
{
    return FailureReporter.Report(e);
}
