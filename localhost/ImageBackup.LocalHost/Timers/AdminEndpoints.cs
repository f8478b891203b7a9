using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using ImageBackup.LocalHost.Functions;
using ImageBackup.LocalHost.Http;
using Microsoft.AspNetCore.Mvc;

namespace ImageBackup.LocalHost.Timers;

/// <summary><c>POST /admin/functions/{name}</c>: fires a timer function now, like the Functions host's admin API (ops key required).</summary>
public static class AdminEndpoints
{
    /// <summary>Maps the admin endpoint.</summary>
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        // What this host serves, by function name and trigger kind (no secrets; used by the coverage test).
        endpoints.MapGet("/admin/functions", (ServedFunctions served) => Results.Ok(served.Snapshot()));

        endpoints.MapPost("/admin/functions/{name}", async (HttpContext context, string name, RequestAuthentication auth, TimerFunctionRunner runner) =>
        {
            var (_, denied) = await auth.RequireAsync(context.Request, Role.Ops);
            IActionResult answer;
            if (denied is not null)
            {
                answer = denied;
            }
            else if (catalog.OfKind(FunctionKind.Timer).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) is not { } function)
            {
                answer = ProblemResults.NotFound($"No timer function named '{name}'.");
            }
            else
            {
                var ran = await runner.RunAsync(function, isPastDue: false, context.RequestAborted);
                answer = ran
                    ? new AcceptedResult((string?)null, new { function = function.Name, ran })
                    : ProblemResults.Problem(StatusCodes.Status500InternalServerError, "The timer function failed.", "See the local host's log.");
            }

            await context.WriteAsync(answer);
        });
    }
}
