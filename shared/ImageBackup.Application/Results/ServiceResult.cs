using ImageBackup.Domain.Validation;

namespace ImageBackup.Application.Results;

/// <summary>The outcome of an application service call: a value, or why there is none.</summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public sealed record ServiceResult<T>(ResultKind Kind, T? Value, IReadOnlyList<ValidationError> Errors, string? Detail)
{
    /// <summary>Whether the call succeeded.</summary>
    public bool Succeeded => Kind is ResultKind.Ok or ResultKind.Created or ResultKind.Accepted;

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static ServiceResult<T> Ok(T value) => new(ResultKind.Ok, value, [], null);

    /// <summary>A creation carrying the new resource.</summary>
    public static ServiceResult<T> Created(T value) => new(ResultKind.Created, value, [], null);

    /// <summary>An accepted asynchronous operation.</summary>
    public static ServiceResult<T> Accepted(T value) => new(ResultKind.Accepted, value, [], null);

    /// <summary>Nothing the caller may see exists under that id.</summary>
    public static ServiceResult<T> NotFound(string detail) => new(ResultKind.NotFound, default, [], detail);

    /// <summary>The caller's role may not do this.</summary>
    public static ServiceResult<T> Forbidden(string detail) => new(ResultKind.Forbidden, default, [], detail);

    /// <summary>The resource's state does not allow this.</summary>
    public static ServiceResult<T> Conflict(string detail, T? current = default) => new(ResultKind.Conflict, current, [], detail);

    /// <summary>The input breaks rules.</summary>
    public static ServiceResult<T> Invalid(IReadOnlyList<ValidationError> errors) => new(ResultKind.Invalid, default, errors, null);

    /// <summary>The input breaks one rule.</summary>
    public static ServiceResult<T> Invalid(string field, string rule, string message) =>
        Invalid([new ValidationError(field, rule, message)]);

    /// <summary>Well-formed input that cannot be processed.</summary>
    public static ServiceResult<T> Unprocessable(string detail) => new(ResultKind.Unprocessable, default, [], detail);
}
