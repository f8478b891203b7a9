using System.ComponentModel;
using System.Globalization;
using ImageBackup.LocalHost.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ImageBackup.LocalHost.Http;

/// <summary>Maps every <c>[HttpTrigger]</c> function to its route under <c>/api</c>, as the Functions host's ASP.NET Core integration does.</summary>
public static class HttpFunctionEndpoints
{
    /// <summary>The route prefix of host.json (<c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    /// <summary>Adds one endpoint per HTTP function.</summary>
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, ServedFunctions served)
    {
        foreach (var function in catalog.OfKind(FunctionKind.Http))
        {
            endpoints.MapMethods($"/{RoutePrefix}/{function.Route}", function.HttpMethods, context => InvokeAsync(context, function))
                .WithName(function.Name)
                .WithDisplayName(function.Name);
            served.Add(function.Name, FunctionKind.Http);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDescriptor function)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var result = await invoker.InvokeAsync(function, context.RequestServices, BindFromRequest, context.RequestAborted);
        switch (result)
        {
            case IActionResult action:
                await context.WriteAsync(action);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.WriteAsync(new OkObjectResult(result));
                break;
        }

        bool BindFromRequest(System.Reflection.ParameterInfo parameter, out object? value)
        {
            if (parameter.ParameterType == typeof(HttpRequest))
            {
                value = context.Request;
                return true;
            }

            if (parameter.ParameterType == typeof(HttpContext))
            {
                value = context;
                return true;
            }

            if (parameter.Name is { } name && context.Request.RouteValues.TryGetValue(name, out var raw) && raw is not null)
            {
                var text = Convert.ToString(raw, CultureInfo.InvariantCulture);
                value = parameter.ParameterType == typeof(string)
                    ? text
                    : TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFromInvariantString(text!);
                return true;
            }

            value = null;
            return false;
        }
    }
}
