using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.LocalHost.Functions;

/// <summary>A minimal <see cref="FunctionContext"/> for functions that ask for one: services, name and cancellation.</summary>
internal sealed class LocalFunctionContext(IServiceProvider services, string functionName, CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId { get; } = functionName;

    public override TraceContext TraceContext => throw new NotSupportedException("Trace context is not available on the local host.");

    public override BindingContext BindingContext => throw new NotSupportedException("Binding context is not available on the local host.");

    public override RetryContext RetryContext => throw new NotSupportedException("Retry context is not available on the local host.");

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException("Function definitions are not available on the local host.");

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw new NotSupportedException("Invocation features are not available on the local host.");

    public override CancellationToken CancellationToken { get; } = cancellationToken;
}
