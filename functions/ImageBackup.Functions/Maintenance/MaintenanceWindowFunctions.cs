using ImageBackup.Application.Maintenance;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Maintenance;

/// <summary>Operations mark servers under maintenance so nights skip them (and say so in the night's outcome).</summary>
public sealed class MaintenanceWindowFunctions(RequestAuthentication auth, MaintenanceWindowService windows)
{
    /// <summary><c>POST /api/ops/maintenance-windows</c>: adds a window for one contract's server.</summary>
    [Function("AddMaintenanceWindow")]
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/maintenance-windows")] HttpRequest request)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<MaintenanceWindowBody>(request, Role.Ops);
        if (problem is not null)
        {
            return problem;
        }

        var result = await windows.AddAsync(caller!, body!.ContractId, body.From, body.To, body.Reason, request.HttpContext.RequestAborted);
        return result.ToActionResult(w => new CreatedResult($"/api/ops/maintenance-windows/{w.Id}", w));
    }

    /// <summary><c>GET /api/ops/maintenance-windows</c>: every window.</summary>
    [Function("ListMaintenanceWindows")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/maintenance-windows")] HttpRequest request)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await windows.ListAsync(caller!, request.HttpContext.RequestAborted);
        return result.ToActionResult(list => new OkObjectResult(list));
    }

    /// <summary><c>DELETE /api/ops/maintenance-windows/{id}</c>: ends a window early.</summary>
    [Function("DeleteMaintenanceWindow")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "ops/maintenance-windows/{id}")] HttpRequest request, string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await windows.DeleteAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(_ => new NoContentResult());
    }
}
