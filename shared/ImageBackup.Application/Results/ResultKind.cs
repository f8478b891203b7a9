namespace ImageBackup.Application.Results;

/// <summary>How an application service call ended, so HTTP adapters map outcomes to status codes in one place.</summary>
public enum ResultKind
{
    /// <summary>Done; the value is the answer.</summary>
    Ok,

    /// <summary>A new resource was created.</summary>
    Created,

    /// <summary>Accepted for asynchronous processing.</summary>
    Accepted,

    /// <summary>No such resource, or not one the caller may see.</summary>
    NotFound,

    /// <summary>The caller's role may not do this.</summary>
    Forbidden,

    /// <summary>The request conflicts with the resource's state.</summary>
    Conflict,

    /// <summary>The input breaks one or more rules.</summary>
    Invalid,

    /// <summary>The input is well-formed but cannot be processed (e.g. an idempotency key reused with another body).</summary>
    Unprocessable,
}
