using System.Runtime.InteropServices;

namespace ImageBackup.Agent.Console;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into cancellation, so a capture stops without committing a generation
/// and a restore removes its partial file; a second signal ends the process at once.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public InterruptSignals()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => cancellation.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (cancellation.IsCancellationRequested)
        {
            return;
        }
        context.Cancel = true;
        System.Console.Error.WriteLine($"{context.Signal}: stopping (send it again to stop at once)");
        cancellation.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        cancellation.Dispose();
    }
}
