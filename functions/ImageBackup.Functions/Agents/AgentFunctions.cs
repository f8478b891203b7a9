using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Agents;

/// <summary>Endpoints for backup agents; an agent key reaches only its own server.</summary>
public sealed class AgentFunctions(RequestAuthentication auth)
{
    /// <summary><c>GET /api/agent/me</c>: who this agent key belongs to, so an agent can check its enrollment.</summary>
    [Function("GetAgentIdentity")]
    public async Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agent/me")] HttpRequest request)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Agent);
        return denied ?? new OkObjectResult(new { agentId = caller!.SubjectId, customerId = caller.CustomerId });
    }
}
