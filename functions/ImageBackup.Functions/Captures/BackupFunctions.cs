using ImageBackup.Application.Generations;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Captures;

/// <summary>A customer's view of the backups of their contract.</summary>
public sealed class BackupFunctions(RequestAuthentication auth, BackupCatalog catalog)
{
    /// <summary><c>GET /api/contracts/{id}/backups</c>: generations newest first, with tags, sizes and the plan that keeps each until when.</summary>
    [Function("ListBackups")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts/{id}/backups")] HttpRequest request, string id)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Customer, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        var result = await catalog.ListAsync(caller!, id, request.HttpContext.RequestAborted);
        return result.ToActionResult(list => new OkObjectResult(list));
    }
}
