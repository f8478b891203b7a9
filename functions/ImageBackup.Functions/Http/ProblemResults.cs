using ImageBackup.Domain.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ImageBackup.Functions.Http;

/// <summary>Builds <c>application/problem+json</c> answers, so every error names the field and the rule the same way.</summary>
public static class ProblemResults
{
    /// <summary>The media type of every error answer.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>An error answer with a status, title and detail.</summary>
    public static ObjectResult Problem(int status, string title, string? detail, IReadOnlyList<ValidationError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://imagebackup.example/problems/{status}",
        };
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, rule = e.Rule, message = e.Message }).ToList();
        }

        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    /// <summary>400: the request breaks input rules.</summary>
    public static ObjectResult Invalid(IReadOnlyList<ValidationError> errors) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);

    /// <summary>400: one input rule is broken.</summary>
    public static ObjectResult Invalid(string field, string rule, string message) => Invalid([new ValidationError(field, rule, message)]);

    /// <summary>401: no valid key.</summary>
    public static ObjectResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Authentication required.", detail);

    /// <summary>403: the key's role may not do this.</summary>
    public static ObjectResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Not allowed for this role.", detail);

    /// <summary>404: nothing the caller may see exists there.</summary>
    public static ObjectResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    /// <summary>409: the resource's state does not allow this.</summary>
    public static ObjectResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict with the current state.", detail);

    /// <summary>413: the body is larger than the service accepts.</summary>
    public static ObjectResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"Request bodies are limited to {limit} bytes.",
            [new ValidationError("body", "max-size", $"At most {limit} bytes.")]);

    /// <summary>415: the body is not JSON.</summary>
    public static ObjectResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON.", "Send Content-Type: application/json.",
            [new ValidationError("body", "media-type", "Content-Type must be application/json.")]);

    /// <summary>422: well-formed but cannot be processed.</summary>
    public static ObjectResult Unprocessable(string detail) => Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed.", detail);
}
