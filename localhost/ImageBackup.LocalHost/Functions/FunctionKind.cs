namespace ImageBackup.LocalHost.Functions;

/// <summary>The trigger kinds the local host serves.</summary>
public enum FunctionKind
{
    /// <summary>An <c>[HttpTrigger]</c> function.</summary>
    Http,

    /// <summary>A <c>[TimerTrigger]</c> function.</summary>
    Timer,

    /// <summary>An <c>[OrchestrationTrigger]</c> function.</summary>
    Orchestration,

    /// <summary>An <c>[ActivityTrigger]</c> function.</summary>
    Activity,

    /// <summary>Any other trigger, which the local host does not serve.</summary>
    Other,
}
