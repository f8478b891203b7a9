using ImageBackup.Application.Results;
using Microsoft.AspNetCore.Mvc;

namespace ImageBackup.Functions.Http;

/// <summary>Maps application outcomes to HTTP answers, so every function maps them the same way.</summary>
public static class ServiceResultMapping
{
    /// <summary>Maps a failed result to its problem answer, or a successful one through <paramref name="onSuccess"/>.</summary>
    public static IActionResult ToActionResult<T>(this ServiceResult<T> result, Func<T, IActionResult> onSuccess) => result.Kind switch
    {
        ResultKind.Ok or ResultKind.Created or ResultKind.Accepted => onSuccess(result.Value!),
        ResultKind.NotFound => ProblemResults.NotFound(result.Detail ?? "Not found."),
        ResultKind.Forbidden => ProblemResults.Forbidden(result.Detail ?? "Not allowed."),
        ResultKind.Conflict => ProblemResults.Conflict(result.Detail ?? "Conflict."),
        ResultKind.Invalid => ProblemResults.Invalid(result.Errors),
        ResultKind.Unprocessable => ProblemResults.Unprocessable(result.Detail ?? "Cannot be processed."),
        _ => throw new InvalidOperationException($"Unmapped result kind {result.Kind}."),
    };

    /// <summary>Like <see cref="ToActionResult{T}"/> with an asynchronous success mapping.</summary>
    public static async Task<IActionResult> ToActionResultAsync<T>(this ServiceResult<T> result, Func<T, Task<IActionResult>> onSuccess) =>
        result.Kind is ResultKind.Ok or ResultKind.Created or ResultKind.Accepted
            ? await onSuccess(result.Value!)
            : result.ToActionResult<T>(_ => throw new InvalidOperationException("unreachable"));
}
