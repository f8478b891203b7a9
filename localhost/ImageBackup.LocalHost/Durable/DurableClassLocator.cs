using ImageBackup.LocalHost.Functions;

namespace ImageBackup.LocalHost.Durable;

/// <summary>Finds the orchestrator or activity class a durable function hands over to: the class named like the function.</summary>
public static class DurableClassLocator
{
    /// <summary>Finds the class named <c>function.Name</c> implementing <typeparamref name="TContract"/> in the function's assembly.</summary>
    public static Type Find<TContract>(FunctionDescriptor function)
    {
        var assembly = function.Method.DeclaringType!.Assembly;
        return TryFind<TContract>(assembly, function.Name)
            ?? throw new InvalidOperationException(
                $"Durable function '{function.Name}' has no class of that name implementing {typeof(TContract).Name}; the local host runs class-based orchestrators and activities only.");
    }

    /// <summary>Finds the class or returns <c>null</c>.</summary>
    public static Type? TryFind<TContract>(System.Reflection.Assembly assembly, string name) =>
        assembly.GetExportedTypes().FirstOrDefault(t => t.Name == name && typeof(TContract).IsAssignableFrom(t) && !t.IsAbstract);
}
