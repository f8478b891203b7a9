using ImageBackup.Application.Contracts;
using ImageBackup.Application.Security;
using ImageBackup.Domain.Validation;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ImageBackup.Functions.Contracts;

/// <summary>Customers order, read and refuse-to-change contracts; ops list all of them.</summary>
public sealed class ContractFunctions(RequestAuthentication auth, ContractService contracts)
{
    /// <summary><c>POST /api/orders</c>: places an order; <c>Idempotency-Key</c> makes retries safe.</summary>
    [Function("PlaceOrder")]
    public async Task<IActionResult> PlaceOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<OrderBody>(request, Role.Customer);
        if (problem is not null)
        {
            return problem;
        }

        var order = new OrderRequest(
            body!.Server is { } s ? new ServerRequest(s.Hostname, s.IpAddress, s.Os, s.CapacityBytes) : null,
            body.Plans);
        var key = request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        var result = await contracts.PlaceOrderAsync(caller!, order, key, request.HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            await ContractLifecycleSignals.StartAsync(client, result.Value!.Contract.Id, request.HttpContext.RequestAborted);
        }

        return result.ToActionResult(placed => new CreatedResult(
            $"/api/contracts/{placed.Contract.Id}", ContractResponse.From(placed.Contract, placed.EnrollmentToken)));
    }

    /// <summary><c>GET /api/contracts</c>: the caller's contracts.</summary>
    [Function("ListContracts")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts")] HttpRequest request)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await contracts.ListAsync(caller!, request.Query["status"].FirstOrDefault(), null, request.HttpContext.RequestAborted);
        return result.ToActionResult(list => new OkObjectResult(list.Select(c => ContractResponse.From(c)).ToList()));
    }

    /// <summary><c>GET /api/contracts/{id}</c>: one contract of the caller.</summary>
    [Function("GetContract")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts/{id}")] HttpRequest request, string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await contracts.GetAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(c => new OkObjectResult(ContractResponse.From(c)));
    }

    /// <summary><c>PUT|PATCH /api/contracts/{id}</c>: always 409; plans and targets cannot change during a contract.</summary>
    [Function("ChangeContract")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "patch", Route = "contracts/{id}")] HttpRequest request, string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await contracts.RefuseChangeAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(c => new OkObjectResult(ContractResponse.From(c)));
    }

    /// <summary><c>GET /api/ops/contracts?status=...&amp;overdue=true</c>: every contract, for operations staff.</summary>
    [Function("ListContractsForOps")]
    public async Task<IActionResult> ListForOps([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/contracts")] HttpRequest request)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var overdueText = request.Query["overdue"].FirstOrDefault();
        if (overdueText is not null && !bool.TryParse(overdueText, out _))
        {
            return ProblemResults.Invalid("overdue", "boolean", "overdue is true or false.");
        }

        var overdue = overdueText is not null && bool.Parse(overdueText);
        var result = await contracts.ListAsync(caller!, request.Query["status"].FirstOrDefault(), overdue, request.HttpContext.RequestAborted);
        return result.ToActionResult(list => new OkObjectResult(list.Select(c => ContractResponse.From(c)).ToList()));
    }
}
