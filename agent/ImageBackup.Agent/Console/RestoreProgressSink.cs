namespace ImageBackup.Agent.Console;

/// <summary>Adapts restore progress to the printer, so the restorer stays free of console code.</summary>
internal sealed class RestoreProgressSink(ProgressPrinter printer) : IProgress<long>
{
    /// <inheritdoc />
    public void Report(long value) => printer.Report(value);
}
