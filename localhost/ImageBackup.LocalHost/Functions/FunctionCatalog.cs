using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.LocalHost.Functions;

/// <summary>Reads every <c>[Function]</c> of an assembly from its trigger attributes, as the Functions host does.</summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    /// <summary>All functions found.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>Functions of one kind.</summary>
    public IEnumerable<FunctionDescriptor> OfKind(FunctionKind kind) => Functions.Where(f => f.Kind == kind);

    /// <summary>Scans <paramref name="assembly"/> for public <c>[Function]</c> methods.</summary>
    public static FunctionCatalog Scan(Assembly assembly)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                {
                    functions.Add(Describe(function.Name, method));
                }
            }
        }

        return new FunctionCatalog(functions);
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods ?? ["GET", "POST", "PUT", "PATCH", "DELETE"]).Select(m => m.ToUpperInvariant()).ToList();
                return new FunctionDescriptor(name, FunctionKind.Http, method, http.Route ?? name, methods, null);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(name, FunctionKind.Timer, method, null, [], timer.Schedule);
            }

            if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                return new FunctionDescriptor(name, FunctionKind.Orchestration, method, null, [], null);
            }

            if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            {
                return new FunctionDescriptor(name, FunctionKind.Activity, method, null, [], null);
            }
        }

        return new FunctionDescriptor(name, FunctionKind.Other, method, null, [], null);
    }
}
