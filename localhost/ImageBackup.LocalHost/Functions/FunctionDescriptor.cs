using System.Reflection;

namespace ImageBackup.LocalHost.Functions;

/// <summary>One <c>[Function]</c> method of the Functions assembly and what triggers it.</summary>
/// <param name="Name">The function name from <c>[Function]</c>.</param>
/// <param name="Kind">The trigger kind.</param>
/// <param name="Method">The method the Functions host would invoke.</param>
/// <param name="Route">For HTTP: the route without the <c>api/</c> prefix.</param>
/// <param name="HttpMethods">For HTTP: the upper-case methods.</param>
/// <param name="Schedule">For timers: the CRON expression (six fields, UTC).</param>
public sealed record FunctionDescriptor(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    string? Route,
    IReadOnlyList<string> HttpMethods,
    string? Schedule);
