namespace ImageBackup.Domain.Retention;

/// <summary>What retention needs to know about one stored generation, so the rule stays free of manifests and storage.</summary>
/// <param name="Id">The generation id (sorts by capture start).</param>
/// <param name="Night">The JST night the capture belongs to (see <see cref="GenerationTagging.NightOf"/>).</param>
/// <param name="Tags">The schedules the capture counts for (see <see cref="GenerationTagging.For"/>).</param>
/// <param name="IsWhole">Whether the generation is complete and restorable; a generation that is not counts for no plan and is deleted.</param>
public sealed record GenerationInfo(string Id, DateOnly Night, GenerationTags Tags, bool IsWhole = true);
