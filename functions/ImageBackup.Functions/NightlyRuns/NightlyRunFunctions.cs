using System.Globalization;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Application.Security;
using ImageBackup.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Operations start a night by hand and watch its progress and summary.</summary>
public sealed class NightlyRunFunctions(RequestAuthentication auth, INightlyOutcomeStore outcomes)
{
    /// <summary><c>POST /api/ops/nightly-runs</c>: starts <c>nightly-{date}</c>; 409 when that night already has a run.</summary>
    [Function("StartNightlyRun")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/nightly-runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var (_, body, problem) = await auth.RequireWithBodyAsync<StartNightlyRunRequest>(request, Role.Ops);
        if (problem is not null)
        {
            return problem;
        }

        var errors = NightlyRunRequestRules.Check(body!.Date, body.Servers, body.WorkMilliseconds, body.MaxInFlight);
        if (errors.Count > 0)
        {
            return ProblemResults.Invalid(errors);
        }

        _ = NightlyRunNames.TryParseDate(body.Date, out var night);
        var input = new NightlyRunInput(body.Date!, body.Servers?.Select(s => s!).ToList() ?? [], body.WorkMilliseconds ?? 0, body.MaxInFlight ?? NightlyRunRequestRules.DefaultMaxInFlight);
        var statusUrl = $"/api/ops/nightly-runs/{body.Date}";
        if (!await NightlyRunStarter.TryStartAsync(client, night, input, request.HttpContext.RequestAborted))
        {
            request.HttpContext.Response.Headers.Location = statusUrl;
            return ProblemResults.Conflict($"The night of {body.Date} already has a run ({NightlyRunNames.InstanceId(night)}); see {statusUrl}. A night is never started twice.");
        }

        return new AcceptedResult(statusUrl, new { id = NightlyRunNames.InstanceId(night), date = body.Date, statusUrl });
    }

    /// <summary><c>GET /api/ops/nightly-runs/{date}</c>: the run's state, summary, totals and every server's outcome.</summary>
    [Function("GetNightlyRun")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/nightly-runs/{date}")] HttpRequest request,
        string date,
        [DurableClient] DurableTaskClient client)
    {
        var (_, denied) = await auth.RequireAsync(request, Role.Ops);
        if (denied is not null)
        {
            return denied;
        }

        if (!NightlyRunNames.TryParseDate(date, out var night))
        {
            return ProblemResults.Invalid("date", "format", "The date must be a calendar date written yyyy-MM-dd, e.g. 2026-12-01.");
        }

        var instance = await client.GetInstanceAsync(NightlyRunNames.InstanceId(night), getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        if (instance is null)
        {
            return ProblemResults.NotFound($"No run for the night of {night.ToString(NightlyRunNames.DateFormat, CultureInfo.InvariantCulture)}.");
        }

        var servers = await outcomes.ListAsync(night.ToString(NightlyRunNames.DateFormat, CultureInfo.InvariantCulture), request.HttpContext.RequestAborted);
        return new OkObjectResult(new NightlyRunStatusResponse(
            instance.InstanceId,
            date,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<NightlyRunProgress>(),
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<NightlyRunSummary>() : null,
            instance.FailureDetails?.ErrorMessage,
            NightlyOutcomeTotals.Of(servers),
            servers));
    }
}
