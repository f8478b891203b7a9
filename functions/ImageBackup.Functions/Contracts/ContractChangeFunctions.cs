using System.Globalization;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ImageBackup.Functions.Contracts;

/// <summary>Activation by operations, and cancellation and its withdrawal by the customer.</summary>
public sealed class ContractChangeFunctions(RequestAuthentication auth, ContractService contracts, IOpsAlertStore alerts)
{
    /// <summary><c>POST /api/ops/contracts/{id}/activation</c>: billing starts on the given JST date.</summary>
    [Function("ActivateContract")]
    public async Task<IActionResult> Activate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/contracts/{id}/activation")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<ActivationBody>(request, Role.Ops);
        if (problem is not null)
        {
            return problem;
        }

        if (!DateOnly.TryParseExact(body!.BillingStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var billingStart))
        {
            return ProblemResults.Invalid("billingStart", "format", "billingStart is a JST calendar date written yyyy-MM-dd.");
        }

        var result = await contracts.ActivateAsync(caller!, id, billingStart, request.HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            await ContractLifecycleSignals.ChangedAsync(client, id, request.HttpContext.RequestAborted);
        }

        return result.ToActionResult(c => new OkObjectResult(ContractResponse.From(c)));
    }

    /// <summary><c>POST /api/contracts/{id}/cancellation</c>: ends the contract at the end of <c>endMonth</c>.</summary>
    [Function("CancelContract")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contracts/{id}/cancellation")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<CancellationBody>(request, Role.Customer);
        if (problem is not null)
        {
            return problem;
        }

        var result = await contracts.CancelAsync(caller!, id, body!.EndMonth, request.HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            await ContractLifecycleSignals.ChangedAsync(client, id, request.HttpContext.RequestAborted);
        }

        return result.ToActionResult(o => new CreatedResult($"/api/contracts/{id}/cancellation", new CancellationResponse(
            o.Quote.EndMonth.ToString(),
            ContractResponse.Date(o.Quote.EndDate)!,
            o.Quote.EndsAt,
            ContractResponse.Date(o.Quote.RequestDeadline)!,
            ContractResponse.Date(o.Quote.MinimumTermEnd),
            o.Quote.CutsMinimumTermShort,
            o.Quote.EarlyTerminationDays,
            o.Quote.EarlyTerminationFee,
            o.FinalInvoice is null ? null : InvoiceResponse.From(o.FinalInvoice),
            ContractResponse.From(o.Contract))));
    }

    /// <summary><c>DELETE /api/contracts/{id}/cancellation</c>: withdraws a scheduled cancellation until its deadline.</summary>
    [Function("WithdrawCancellation")]
    public async Task<IActionResult> Withdraw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "contracts/{id}/cancellation")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer);
        if (denied is not null)
        {
            return denied;
        }

        var result = await contracts.WithdrawCancellationAsync(caller!, id, request.HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            await ContractLifecycleSignals.ChangedAsync(client, id, request.HttpContext.RequestAborted);
        }

        return result.ToActionResult(c => new OkObjectResult(ContractResponse.From(c)));
    }

    /// <summary><c>GET /api/ops/alerts</c>: alerts for operations staff (e.g. contracts pending past their activation deadline).</summary>
    [Function("ListOpsAlerts")]
    public async Task<IActionResult> ListAlerts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/alerts")] HttpRequest request)
    {
        var (_, denied) = await auth.RequireAsync(request, Role.Ops);
        return denied ?? new OkObjectResult(await alerts.ListAsync(request.HttpContext.RequestAborted));
    }
}
