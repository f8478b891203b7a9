using ImageBackup.Imaging.Capture;

namespace ImageBackup.Agent.Console;

/// <summary>Adapts capture progress to the printer, so the capture pipeline stays free of console code.</summary>
internal sealed class CaptureProgressSink(ProgressPrinter printer) : IProgress<CaptureProgress>
{
    /// <inheritdoc />
    public void Report(CaptureProgress value) => printer.Report(value.BytesRead, value.TotalBytes);
}
