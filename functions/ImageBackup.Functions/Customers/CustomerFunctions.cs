using ImageBackup.Application.Customers;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Customers;

/// <summary>Operations register customers and rotate their keys; customers read their own record.</summary>
public sealed class CustomerFunctions(RequestAuthentication auth, CustomerRegistry registry)
{
    /// <summary><c>POST /api/ops/customers</c>: registers a customer and returns its API key once.</summary>
    [Function("RegisterCustomer")]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/customers")] HttpRequest request)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<RegisterCustomerRequest>(request, Role.Ops);
        if (problem is not null)
        {
            return problem;
        }

        var result = await registry.RegisterAsync(caller!, body!.Name, body.Email, request.HttpContext.RequestAborted);
        return result.ToActionResult(r => new CreatedResult($"/api/customers/{r.Customer.Id}", ToKeyResponse(r)));
    }

    /// <summary><c>POST /api/ops/customers/{id}/keys</c>: replaces the customer's key; the old one stops working.</summary>
    [Function("RotateCustomerKey")]
    public async Task<IActionResult> RotateKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/customers/{id}/keys")] HttpRequest request,
        string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await registry.RotateKeyAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(r => new CreatedResult($"/api/customers/{r.Customer.Id}", ToKeyResponse(r)));
    }

    /// <summary><c>GET /api/customers/{id}</c>: a customer reads itself; ops read anyone.</summary>
    [Function("GetCustomer")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{id}")] HttpRequest request,
        string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await registry.GetAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(c => new OkObjectResult(new CustomerResponse(c.Id, c.Name, c.Email, c.CreatedAt)));
    }

    private static CustomerKeyResponse ToKeyResponse(RegisteredCustomer r) =>
        new(r.Customer.Id, r.ApiKey, r.Customer.Name, r.Customer.Email, r.Customer.CreatedAt);
}
