using Microsoft.DurableTask;

namespace ImageBackup.Functions.Durable;

/// <summary>The activity context handed to class-based activities when Azure Functions invokes them.</summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
