using ImageBackup.Domain.Retention;

namespace ImageBackup.Application.Generations;

/// <summary>One backup as a customer sees it: what it is, and which plan keeps it until when.</summary>
/// <param name="GenerationId">The generation id (what <c>imagebackup-agent restore --generation</c> takes).</param>
/// <param name="Night">The JST night.</param>
/// <param name="CapturedAt">When the capture started.</param>
/// <param name="Tags">daily, weekly, monthly.</param>
/// <param name="ImageSize">Bytes of the image.</param>
/// <param name="NewBytes">Bytes it added to the store.</param>
/// <param name="KeptBy">Plans that keep it now.</param>
/// <param name="KeptLongestBy">The plan that lets go of it last.</param>
/// <param name="DropsAfterNight">The earliest night after whose capture it is deleted.</param>
public sealed record BackupListing(
    string GenerationId,
    DateOnly Night,
    DateTimeOffset CapturedAt,
    IReadOnlyList<string> Tags,
    long ImageSize,
    long NewBytes,
    IReadOnlyList<string> KeptBy,
    string KeptLongestBy,
    DateOnly DropsAfterNight)
{
    /// <summary>The wire names of a capture's tags.</summary>
    public static IReadOnlyList<string> TagNames(GenerationTags tags) =>
        [.. new[] { (GenerationTags.Daily, "daily"), (GenerationTags.Weekly, "weekly"), (GenerationTags.Monthly, "monthly") }
            .Where(t => tags.HasFlag(t.Item1)).Select(t => t.Item2)];
}
