using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace ImageBackup.LocalHost.Durable;

/// <summary>Creates a fresh shim around the Functions app's activity class (with its DI dependencies) for every execution.</summary>
public sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly Type activityType;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    /// <summary>Registers <paramref name="activityType"/> under the function name <paramref name="name"/>.</summary>
    public ShimActivityCreator(string name, Type activityType, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        this.activityType = activityType;
        this.services = services;
        this.shims = shims;
    }

    /// <inheritdoc />
    public override TaskActivity Create()
    {
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(services, activityType);
        return shims.CreateActivity(new TaskName(Name), activity);
    }
}
