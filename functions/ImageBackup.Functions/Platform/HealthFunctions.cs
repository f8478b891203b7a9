using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Platform;

/// <summary>A liveness probe for load balancers and scripts, readable without a key.</summary>
public sealed class HealthFunctions(TimeProvider clock)
{
    /// <summary><c>GET /api/health</c>.</summary>
    [Function("Health")]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok", now = clock.GetUtcNow() });
}
