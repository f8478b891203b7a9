using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace ImageBackup.LocalHost.Durable;

/// <summary>Creates a fresh shim around the Functions app's orchestrator class for every execution, as DTFx requires.</summary>
public sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly Type orchestratorType;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    /// <summary>Registers <paramref name="orchestratorType"/> under the function name <paramref name="name"/>.</summary>
    public ShimOrchestrationCreator(string name, Type orchestratorType, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        this.orchestratorType = orchestratorType;
        this.services = services;
        this.shims = shims;
    }

    /// <inheritdoc />
    public override TaskOrchestration Create()
    {
        var orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, orchestratorType);
        return shims.CreateOrchestration(new TaskName(Name), orchestrator);
    }
}
