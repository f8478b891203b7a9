namespace ImageBackup.Imaging.Manifests;

/// <summary>Raised when a generation id is malformed or has no manifest in the store, so the CLI can answer with its own exit code.</summary>
public sealed class GenerationNotFoundException(string generationId, string reason)
    : Exception($"generation {generationId}: {reason}")
{
    /// <summary>The generation asked for.</summary>
    public string GenerationId { get; } = generationId;
}
