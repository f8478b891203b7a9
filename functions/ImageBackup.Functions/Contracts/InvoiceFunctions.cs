using ImageBackup.Application.Contracts;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Contracts;

/// <summary>Invoices of a contract, computed from the contract rules on each read.</summary>
public sealed class InvoiceFunctions(RequestAuthentication auth, ContractService contracts)
{
    /// <summary><c>GET /api/contracts/{id}/invoices</c>: the months billed so far.</summary>
    [Function("ListInvoices")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts/{id}/invoices")] HttpRequest request, string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await contracts.ListInvoicesAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(list => new OkObjectResult(list.Select(InvoiceResponse.From).ToList()));
    }

    /// <summary><c>GET /api/contracts/{id}/invoices/{month}</c>: one month's invoice.</summary>
    [Function("GetInvoice")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts/{id}/invoices/{month}")] HttpRequest request, string id, string month)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await contracts.GetInvoiceAsync(caller!, id, month, request.HttpContext.RequestAborted);
        return result.ToActionResult(invoice => new OkObjectResult(InvoiceResponse.From(invoice)));
    }
}
