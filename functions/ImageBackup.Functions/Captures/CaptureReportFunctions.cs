using ImageBackup.Application.Captures;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ImageBackup.Functions.Captures;

/// <summary>Agents report the outcome of a capture; a checked report wakes the server's orchestration for that night.</summary>
public sealed class CaptureReportFunctions(RequestAuthentication auth, CaptureService captures)
{
    /// <summary><c>POST /api/agent/captures/{captureId}/completed</c>: accepted only for a whole generation of this agent's container.</summary>
    [Function("ReportCaptureCompleted")]
    public async Task<IActionResult> Completed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agent/captures/{captureId}/completed")] HttpRequest request,
        string captureId,
        [DurableClient] DurableTaskClient client)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<CaptureCompletedBody>(request, Role.Agent);
        if (problem is not null)
        {
            return problem;
        }

        var report = await captures.AcceptCompletionAsync(caller!, captureId, body!.GenerationId, body.DurationSeconds, request.HttpContext.RequestAborted);
        return await report.ToActionResultAsync(r => RaiseAsync(client, r, CaptureReport.CompletedEvent, request.HttpContext.RequestAborted));
    }

    /// <summary><c>POST /api/agent/captures/{captureId}/failed</c>: the agent could not capture; the night may retry.</summary>
    [Function("ReportCaptureFailed")]
    public async Task<IActionResult> Failed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agent/captures/{captureId}/failed")] HttpRequest request,
        string captureId,
        [DurableClient] DurableTaskClient client)
    {
        var (caller, body, problem) = await auth.RequireWithBodyAsync<CaptureFailedBody>(request, Role.Agent);
        if (problem is not null)
        {
            return problem;
        }

        var report = await captures.AcceptFailureAsync(caller!, captureId, body!.Reason, body.ExitCode, request.HttpContext.RequestAborted);
        return await report.ToActionResultAsync(r => RaiseAsync(client, r, CaptureReport.FailedEvent, request.HttpContext.RequestAborted));
    }

    private static async Task<IActionResult> RaiseAsync(DurableTaskClient client, CaptureReport report, string eventName, CancellationToken cancellationToken)
    {
        _ = CaptureIds.TryParse(report.CaptureId, out var night, out var contractId, out _);
        var instanceId = CaptureIds.InstanceId(night, contractId);
        await client.RaiseEventAsync(instanceId, eventName, report, cancellationToken);
        return new AcceptedResult((string?)null, new CaptureReportAccepted(report.CaptureId, eventName == CaptureReport.CompletedEvent ? "completed" : "failed", report.Generation?.GenerationId));
    }
}
