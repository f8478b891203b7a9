using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace ImageBackup.LocalHost.Http;

/// <summary>Writes an <see cref="IActionResult"/> to a response, as the Functions host's ASP.NET Core integration does.</summary>
public static class ActionResultWriter
{
    /// <summary>Executes <paramref name="result"/> against <paramref name="context"/>.</summary>
    public static Task WriteAsync(this HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
