using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageBackup.Application.Results;
using ImageBackup.Application.Security;
using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Validation;

namespace ImageBackup.Application.Contracts;

/// <summary>Orders, reads, activation and cancellation of contracts, with the contract rules of the domain and ETag-guarded writes.</summary>
public sealed class ContractService(IContractStore contracts, IOrderIdempotencyStore idempotency, TimeProvider clock)
{
    private const string SalesContact = "sales@clara.ad.jp, 0120-380-966 (weekdays 10:00-18:00)";

    /// <summary>Places an order for the calling customer; the same idempotency key and body return the same contract.</summary>
    public async Task<ServiceResult<PlacedOrder>> PlaceOrderAsync(Caller caller, OrderRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Customer)
        {
            return ServiceResult<PlacedOrder>.Forbidden("Orders are placed with a customer key.");
        }

        if (idempotencyKey is { } key && (key.Length is 0 or > 100 || key.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?')))
        {
            return ServiceResult<PlacedOrder>.Invalid("Idempotency-Key", "format", "The Idempotency-Key header is 1-100 printable characters without / \\ # ?.");
        }

        var validation = OrderValidator.Validate(request);
        if (validation.Order is null)
        {
            return ServiceResult<PlacedOrder>.Invalid(validation.Errors);
        }

        var contractId = NewId("ctr-");
        if (idempotencyKey is not null)
        {
            var earlier = await idempotency.TryReserveAsync(caller.CustomerId!, idempotencyKey, BodyHash(request), contractId, cancellationToken);
            if (earlier is not null)
            {
                return await ReplayAsync(caller, earlier, BodyHash(request), validation.Order, cancellationToken);
            }
        }

        return await CreateAsync(caller, contractId, validation.Order, cancellationToken);
    }

    /// <summary>Reads one contract: its owner or ops; anyone else gets not-found.</summary>
    public async Task<ServiceResult<Contract>> GetAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var stored = await FindVisibleAsync(caller, id, cancellationToken);
        return stored is null ? NotFound<Contract>(id) : ServiceResult<Contract>.Ok(Current(stored.Contract));
    }

    /// <summary>Lists contracts: a customer's own, or (ops) all, optionally filtered by status or overdue activation.</summary>
    public async Task<ServiceResult<IReadOnlyList<Contract>>> ListAsync(Caller caller, string? status, bool? overdueOnly, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Agent)
        {
            return ServiceResult<IReadOnlyList<Contract>>.Forbidden("Agents do not read contracts.");
        }

        ContractStatus? wanted = null;
        if (status is not null)
        {
            if (!ContractStatusNames.TryParse(status, out var parsed))
            {
                return ServiceResult<IReadOnlyList<Contract>>.Invalid("status", "enum", "status is one of pending-activation, active, cancellation-scheduled, ended.");
            }

            wanted = parsed;
        }

        var now = clock.GetUtcNow();
        var all = await contracts.ListAsync(caller.Role == Role.Ops ? null : caller.CustomerId, cancellationToken);
        var list = all.Select(Current)
            .Where(c => wanted is null || c.Status == wanted)
            .Where(c => overdueOnly != true || c.IsActivationOverdue(now))
            .OrderBy(c => c.ReceivedAt)
            .ToList();
        return ServiceResult<IReadOnlyList<Contract>>.Ok(list);
    }

    /// <summary>Refuses any change of plans or backup target: the contract rules say cancel and order again.</summary>
    public async Task<ServiceResult<Contract>> RefuseChangeAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var stored = await FindVisibleAsync(caller, id, cancellationToken);
        return stored is null
            ? NotFound<Contract>(id)
            : ServiceResult<Contract>.Conflict(
                "Plans and the backup target (OS, IP address, host name, capacity) cannot change during a contract. " +
                $"Cancel this contract and place a new order; for help contact sales: {SalesContact}.");
    }

    /// <summary>Activates a pending contract (ops): billing starts on <paramref name="billingStart"/> (JST).</summary>
    public Task<ServiceResult<Contract>> ActivateAsync(Caller caller, string id, DateOnly billingStart, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Ops)
        {
            return Task.FromResult(ServiceResult<Contract>.Forbidden("Only operations staff may activate contracts."));
        }

        if (billingStart > TokyoCalendar.DateOf(clock.GetUtcNow()))
        {
            return Task.FromResult(ServiceResult<Contract>.Invalid("billingStart", "not-future", "Billing starts on the day of the first successful backup, which cannot be in the future."));
        }

        return ChangeAsync(caller, id, (contract, _) =>
        {
            if (contract.Status != ContractStatus.PendingActivation)
            {
                return (null, $"Contract {id} is {ContractStatusNames.WireName(contract.Status)}; only a pending-activation contract can be activated.");
            }

            if (billingStart < TokyoCalendar.DateOf(contract.ReceivedAt))
            {
                return (null, "Billing cannot start before the order was received.");
            }

            return (contract.Activate(TokyoCalendar.StartOf(billingStart)), null);
        }, cancellationToken);
    }

    /// <summary>Schedules the end of a contract at the end of <paramref name="endMonth"/> (owner only), with the final invoice preview.</summary>
    public async Task<ServiceResult<CancellationOutcome>> CancelAsync(Caller caller, string id, string? endMonth, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Customer)
        {
            return ServiceResult<CancellationOutcome>.Forbidden("Cancellations are requested with the customer's key.");
        }

        var stored = await FindVisibleAsync(caller, id, cancellationToken);
        if (stored is null)
        {
            return NotFound<CancellationOutcome>(id);
        }

        var now = clock.GetUtcNow();
        var contract = Current(stored.Contract);
        if (contract.Status is ContractStatus.CancellationScheduled or ContractStatus.Ended)
        {
            return ServiceResult<CancellationOutcome>.Conflict($"Contract {id} is already {ContractStatusNames.WireName(contract.Status)}; withdraw the scheduled cancellation first to change the end month.");
        }

        var decision = CancellationPolicy.Evaluate(contract, endMonth, now);
        if (decision.Quote is null)
        {
            return ServiceResult<CancellationOutcome>.Invalid("endMonth", decision.Rejection!.Rule, decision.Rejection.Message);
        }

        var cancelled = contract.ScheduleCancellation(decision.Quote, now);
        if (!await contracts.TryReplaceAsync(cancelled, stored.Version, cancellationToken))
        {
            return ServiceResult<CancellationOutcome>.Conflict($"Contract {id} changed while the cancellation was processed (another request won); read it again.");
        }

        return ServiceResult<CancellationOutcome>.Created(new CancellationOutcome(cancelled, decision.Quote, InvoiceCalculator.Calculate(cancelled, decision.Quote.EndMonth)));
    }

    /// <summary>Withdraws a scheduled cancellation until its request deadline (owner only).</summary>
    public Task<ServiceResult<Contract>> WithdrawCancellationAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Customer)
        {
            return Task.FromResult(ServiceResult<Contract>.Forbidden("Cancellations are withdrawn with the customer's key."));
        }

        return ChangeAsync(caller, id, (contract, now) =>
        {
            var decision = CancellationPolicy.EvaluateWithdrawal(contract, now);
            return decision.Rejection is { } rejection ? (null, rejection.Message) : (contract.WithdrawCancellation(), null);
        }, cancellationToken);
    }

    /// <summary>One month's invoice of a contract (owner or ops).</summary>
    public async Task<ServiceResult<Invoice>> GetInvoiceAsync(Caller caller, string id, string month, CancellationToken cancellationToken)
    {
        if (!CalendarMonth.TryParse(month, out var parsed))
        {
            return ServiceResult<Invoice>.Invalid("month", "format", "The month is written yyyy-MM, e.g. 2027-05.");
        }

        var stored = await FindVisibleAsync(caller, id, cancellationToken);
        if (stored is null)
        {
            return NotFound<Invoice>(id);
        }

        var contract = Current(stored.Contract);
        var billed = InvoiceCalculator.BilledMonths(contract, clock.GetUtcNow());
        var invoice = billed.Contains(parsed) ? InvoiceCalculator.Calculate(contract, parsed) : null;
        return invoice is null
            ? ServiceResult<Invoice>.NotFound($"Contract {id} has no invoice for {parsed} (billed months: {(billed.Count == 0 ? "none yet" : string.Join(", ", billed))}).")
            : ServiceResult<Invoice>.Ok(invoice);
    }

    /// <summary>The invoices billed so far (owner or ops).</summary>
    public async Task<ServiceResult<IReadOnlyList<Invoice>>> ListInvoicesAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var stored = await FindVisibleAsync(caller, id, cancellationToken);
        if (stored is null)
        {
            return NotFound<IReadOnlyList<Invoice>>(id);
        }

        var contract = Current(stored.Contract);
        var invoices = InvoiceCalculator.BilledMonths(contract, clock.GetUtcNow())
            .Select(m => InvoiceCalculator.Calculate(contract, m))
            .OfType<Invoice>()
            .ToList();
        return ServiceResult<IReadOnlyList<Invoice>>.Ok(invoices);
    }

    /// <summary>Stores <c>ended</c> once the end date has passed (called by the contract's durable timer).</summary>
    public async Task<Contract?> EndIfDueAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await contracts.FindAsync(id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var ended = stored.Contract.EndIfDue(clock.GetUtcNow());
        if (!ReferenceEquals(ended, stored.Contract))
        {
            await contracts.TryReplaceAsync(ended, stored.Version, cancellationToken);
        }

        return ended;
    }

    /// <summary>
    /// Activates a pending contract on its first successful backup (billing starts on the backup's Tokyo date); retried on a
    /// lost ETag race. Returns <c>true</c> when this call activated it.
    /// </summary>
    public async Task<bool> ActivateOnFirstBackupAsync(string id, DateTimeOffset capturedAt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await contracts.FindAsync(id, cancellationToken);
            if (stored is null || stored.Contract.Status != ContractStatus.PendingActivation)
            {
                return false;
            }

            if (await contracts.TryReplaceAsync(stored.Contract.Activate(capturedAt), stored.Version, cancellationToken))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"Contract {id} kept changing while its first backup was recorded.");
    }

    /// <summary>Reads a contract for the durable timers, without a caller.</summary>
    public async Task<Contract?> FindForTimersAsync(string id, CancellationToken cancellationToken) =>
        (await contracts.FindAsync(id, cancellationToken))?.Contract;

    private async Task<ServiceResult<Contract>> ChangeAsync(
        Caller caller, string id, Func<Contract, DateTimeOffset, (Contract? Changed, string? Refusal)> change, CancellationToken cancellationToken)
    {
        var stored = await FindVisibleAsync(caller, id, cancellationToken);
        if (stored is null)
        {
            return NotFound<Contract>(id);
        }

        var now = clock.GetUtcNow();
        var (changed, refusal) = change(Current(stored.Contract), now);
        if (changed is null)
        {
            return ServiceResult<Contract>.Conflict(refusal!);
        }

        return await contracts.TryReplaceAsync(changed, stored.Version, cancellationToken)
            ? ServiceResult<Contract>.Ok(changed)
            : ServiceResult<Contract>.Conflict($"Contract {id} changed while this request was processed (another request won); read it again.");
    }

    private async Task<ServiceResult<PlacedOrder>> CreateAsync(Caller caller, string contractId, ValidatedOrder order, CancellationToken cancellationToken)
    {
        var contract = Contract.Open(contractId, caller.CustomerId!, order, clock.GetUtcNow());
        var token = "ibe_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await contracts.AddAsync(contract, ApiKeyFormat.Hash(token), cancellationToken);
        return ServiceResult<PlacedOrder>.Created(new PlacedOrder(contract, token, Replayed: false));
    }

    private async Task<ServiceResult<PlacedOrder>> ReplayAsync(Caller caller, OrderIdempotencyRecord earlier, string bodyHash, ValidatedOrder order, CancellationToken cancellationToken)
    {
        if (earlier.BodyHash != bodyHash)
        {
            return ServiceResult<PlacedOrder>.Unprocessable("This Idempotency-Key was already used with a different order body; use a new key for a new order.");
        }

        var existing = await contracts.FindAsync(earlier.ContractId, cancellationToken);
        return existing is null
            ? await CreateAsync(caller, earlier.ContractId, order, cancellationToken) // the first attempt died between reserving and storing
            : ServiceResult<PlacedOrder>.Created(new PlacedOrder(Current(existing.Contract), null, Replayed: true));
    }

    private async Task<StoredContract?> FindVisibleAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Agent || !ResourceIds.IsWellFormed(id, "ctr-"))
        {
            return null;
        }

        var stored = await contracts.FindAsync(id, cancellationToken);
        return stored is not null && caller.MaySee(stored.Contract.CustomerId) ? stored : null;
    }

    private Contract Current(Contract contract) => contract.EndIfDue(clock.GetUtcNow());

    private static ServiceResult<T> NotFound<T>(string id) => ServiceResult<T>.NotFound($"No contract '{ResourceIds.Printable(id)}' for this key.");

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string BodyHash(OrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
