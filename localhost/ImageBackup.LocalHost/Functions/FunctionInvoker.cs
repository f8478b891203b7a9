using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ImageBackup.LocalHost.Functions;

/// <summary>Calls a function method the way the Functions host would: a fresh instance from DI, bound parameters, awaited result.</summary>
public sealed class FunctionInvoker(DurableTaskClient durableClient, ILoggerFactory loggerFactory)
{
    /// <summary>Binds a trigger or route parameter; returns <c>false</c> when it cannot.</summary>
    public delegate bool TriggerBinder(ParameterInfo parameter, out object? value);

    /// <summary>Invokes <paramref name="function"/> and returns its awaited result (null for void or Task).</summary>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, TriggerBinder bindTrigger, CancellationToken cancellationToken)
    {
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Bind(parameters[i], function, services, bindTrigger, cancellationToken);
        }

        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        var resultProperty = task.GetType().GetProperty("Result");
        return resultProperty is null || resultProperty.PropertyType.Name == "VoidTaskResult" ? null : resultProperty.GetValue(task);
    }

    private object? Bind(ParameterInfo parameter, FunctionDescriptor function, IServiceProvider services, TriggerBinder bindTrigger, CancellationToken cancellationToken)
    {
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null || parameter.ParameterType == typeof(DurableTaskClient))
        {
            return durableClient;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return new LocalFunctionContext(services, function.Name, cancellationToken);
        }

        if (parameter.ParameterType == typeof(ILogger))
        {
            return loggerFactory.CreateLogger("Function." + function.Name);
        }

        if (bindTrigger(parameter, out var value))
        {
            return value;
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        throw new InvalidOperationException($"The local host cannot bind parameter '{parameter.Name}' of function '{function.Name}'.");
    }
}
