using ImageBackup.Domain.Retention;

namespace ImageBackup.Application.Generations;

/// <summary>A committed generation of a contract's server as the service lists it, so the customer sees backups without reading manifests.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="GenerationId">The generation (manifest) id.</param>
/// <param name="Night">The JST night it belongs to.</param>
/// <param name="CapturedAt">When the capture started.</param>
/// <param name="Tags">Daily, weekly, monthly.</param>
/// <param name="ImageSize">Bytes of the image.</param>
/// <param name="NewBytes">Bytes it added to the store.</param>
/// <param name="DurationSeconds">From capture start to the accepted report.</param>
/// <param name="CaptureId">The attempt that produced it.</param>
public sealed record GenerationRecord(
    string ContractId,
    string GenerationId,
    DateOnly Night,
    DateTimeOffset CapturedAt,
    GenerationTags Tags,
    long ImageSize,
    long NewBytes,
    double DurationSeconds,
    string CaptureId);
