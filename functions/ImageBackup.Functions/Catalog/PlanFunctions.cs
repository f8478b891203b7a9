using ImageBackup.Domain.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Catalog;

/// <summary>The public price list: the seven plans with fees and retention, readable without a key.</summary>
public sealed class PlanFunctions
{
    private static readonly IReadOnlyList<PlanResponse> Plans = PlanCatalog.All.Select(PlanResponse.From).ToList();

    /// <summary><c>GET /api/plans</c>.</summary>
    [Function("ListPlans")]
    public IActionResult ListPlans([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans")] HttpRequest request) =>
        new OkObjectResult(Plans);
}
