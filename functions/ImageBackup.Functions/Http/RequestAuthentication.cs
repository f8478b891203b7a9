using ImageBackup.Application.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ImageBackup.Functions.Http;

/// <summary>Authenticates a request and checks its role, so functions start with one line instead of repeating the checks.</summary>
public sealed class RequestAuthentication(ApiKeyAuthenticator authenticator)
{
    /// <summary>Returns the caller when its key is valid and its role is one of <paramref name="allowed"/>; else the 401/403 answer.</summary>
    public async Task<(Caller? Caller, IActionResult? Problem)> RequireAsync(HttpRequest request, params Role[] allowed)
    {
        var outcome = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), request.HttpContext.RequestAborted);
        if (outcome.Caller is null)
        {
            return (null, ProblemResults.Unauthorized(outcome.Failure!));
        }

        if (allowed.Length > 0 && !allowed.Contains(outcome.Caller.Role))
        {
            var roles = string.Join(" or ", allowed.Select(r => r.ToString().ToLowerInvariant()));
            return (null, ProblemResults.Forbidden($"This endpoint is for the {roles} role; the key presented is a {outcome.Caller.Role.ToString().ToLowerInvariant()} key."));
        }

        return (outcome.Caller, null);
    }

    /// <summary>Authenticates as <see cref="RequireAsync"/>, then reads the JSON body; returns the first problem met.</summary>
    public async Task<(Caller? Caller, T? Body, IActionResult? Problem)> RequireWithBodyAsync<T>(HttpRequest request, params Role[] allowed)
        where T : class
    {
        var (caller, denied) = await RequireAsync(request, allowed);
        if (denied is not null)
        {
            return (null, null, denied);
        }

        var (body, invalid) = await JsonBody.ReadAsync<T>(request, request.HttpContext.RequestAborted);
        return invalid is not null ? (null, null, invalid) : (caller, body, null);
    }
}
