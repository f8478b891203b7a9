namespace ImageBackup.Domain.Retention;

/// <summary>A generation retention keeps, with the plans that promise it, so operators can see why it exists and until when.</summary>
/// <param name="Id">The generation id.</param>
/// <param name="Night">The JST night of the capture.</param>
/// <param name="KeptBy">The codes of every plan that currently keeps it, in price-list order.</param>
/// <param name="KeptLongestBy">The plan that will let go of it last (the earliest in price-list order on a tie).</param>
/// <param name="DropsOn">
/// The earliest night whose capture makes the last of its plans let go of it, assuming a successful capture every night
/// after the last night decided; it is deleted by the retention run after that night's capture.
/// </param>
public sealed record KeptGeneration(
    string Id,
    DateOnly Night,
    IReadOnlyList<string> KeptBy,
    string KeptLongestBy,
    DateOnly DropsOn);
