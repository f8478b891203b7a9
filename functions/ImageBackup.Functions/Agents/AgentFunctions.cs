using System.Globalization;
using System.Text.Json;
using ImageBackup.Application.Agents;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Agents;

/// <summary>Endpoints for backup agents; an agent key reaches only its own server.</summary>
public sealed class AgentFunctions(RequestAuthentication auth, AgentEnrollment enrollment, IAgentCommandChannel commands)
{
    /// <summary>Longest long poll for commands.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary><c>POST /api/agent/enrollment</c>: the order's one-time enrollment token buys the agent its key (repeatable with the same <c>Idempotency-Key</c>).</summary>
    [Function("EnrollAgent")]
    public async Task<IActionResult> Enroll([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agent/enrollment")] HttpRequest request)
    {
        var (body, invalid) = await JsonBody.ReadAsync<EnrollmentBody>(request, request.HttpContext.RequestAborted);
        if (invalid is not null)
        {
            return invalid;
        }

        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await enrollment.EnrollAsync(body!.EnrollmentToken, idempotencyKey, request.HttpContext.RequestAborted);
        return result.ToActionResult(a => new CreatedResult("/api/agent/me", new EnrollmentResponse(a.AgentId, a.AgentKey, a.ContractId)));
    }

    /// <summary><c>GET /api/agent/me</c>: who this agent key belongs to, so an agent can check its enrollment.</summary>
    [Function("GetAgentIdentity")]
    public async Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agent/me")] HttpRequest request)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Agent);
        return denied ?? new OkObjectResult(new { agentId = caller!.SubjectId, customerId = caller.CustomerId });
    }

    /// <summary><c>GET /api/agent/commands/next?wait=30s</c>: long poll for this agent's next command; 204 when none came.</summary>
    [Function("NextAgentCommand")]
    public async Task<IActionResult> Next([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agent/commands/next")] HttpRequest request)
    {
        var (caller, denied) = await auth.RequireAsync(request, Role.Agent);
        if (denied is not null)
        {
            return denied;
        }

        if (!TryParseWait(request.Query["wait"].FirstOrDefault(), out var wait))
        {
            return ProblemResults.Invalid("wait", "range", "wait is 0s to 60s, e.g. wait=30s.");
        }

        var command = await commands.TakeNextAsync(caller!.SubjectId, wait, request.HttpContext.RequestAborted);
        return command is null
            ? new NoContentResult()
            : new OkObjectResult(new AgentCommandResponse(command.CommandId, command.Kind, JsonDocument.Parse(command.Payload).RootElement.Clone(), command.ExpiresAt));
    }

    private static bool TryParseWait(string? text, out TimeSpan wait)
    {
        wait = TimeSpan.FromSeconds(30);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var number = text.EndsWith('s') ? text[..^1] : text;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxWait.TotalSeconds)
        {
            return false;
        }

        wait = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
