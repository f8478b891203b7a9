namespace ImageBackup.Application.Contracts;

/// <summary>Port to the operations alert table, where overdue activations and similar faults wait for staff.</summary>
public interface IOpsAlertStore
{
    /// <summary>Stores an alert once per (contract, kind); a second raise of the same alert changes nothing.</summary>
    Task RaiseOnceAsync(OpsAlert alert, CancellationToken cancellationToken);

    /// <summary>All alerts, newest first.</summary>
    Task<IReadOnlyList<OpsAlert>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Something operations staff must act on.</summary>
/// <param name="ContractId">The contract concerned.</param>
/// <param name="Kind">e.g. <c>activation-overdue</c>.</param>
/// <param name="Message">What happened and what to do.</param>
/// <param name="RaisedAt">When it was raised.</param>
public sealed record OpsAlert(string ContractId, string Kind, string Message, DateTimeOffset RaisedAt);
