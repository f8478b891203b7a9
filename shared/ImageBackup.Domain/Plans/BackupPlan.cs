namespace ImageBackup.Domain.Plans;

/// <summary>One orderable backup plan of the price list, so fees and retention come from one place.</summary>
/// <param name="Code">The plan code customers order by, e.g. <c>backup-D7</c>.</param>
/// <param name="DescriptionEnglish">What the plan keeps, in English.</param>
/// <param name="DescriptionJapanese">What the plan keeps, as the source specification words it.</param>
/// <param name="InitialFee">One-off fee in whole yen, tax excluded.</param>
/// <param name="MonthlyFee">Monthly fee in whole yen, tax excluded.</param>
/// <param name="Schedule">Which captures the plan keeps.</param>
/// <param name="Generations">How many generations of that schedule are kept.</param>
/// <param name="RemoteQuotaBytes">Allotted capacity at the remote site, or <c>null</c> for local plans.</param>
public sealed record BackupPlan(
    string Code,
    string DescriptionEnglish,
    string DescriptionJapanese,
    long InitialFee,
    long MonthlyFee,
    ScheduleKind Schedule,
    int Generations,
    long? RemoteQuotaBytes)
{
    /// <summary>Whether the plan keeps its generation at the remote site.</summary>
    public bool IsRemote => Schedule == ScheduleKind.Remote;
}
