using ImageBackup.Domain.Plans;

namespace ImageBackup.Functions.Catalog;

/// <summary>The wire shape of a plan in <c>GET /api/plans</c>.</summary>
public sealed record PlanResponse(
    string Code,
    string Description,
    string DescriptionJa,
    long InitialFee,
    long MonthlyFee,
    string Currency,
    string Schedule,
    int Generations,
    long? RemoteQuotaBytes)
{
    /// <summary>Maps a catalog plan to its wire shape.</summary>
    public static PlanResponse From(BackupPlan plan) => new(
        plan.Code,
        plan.DescriptionEnglish,
        plan.DescriptionJapanese,
        plan.InitialFee,
        plan.MonthlyFee,
        "JPY",
        plan.Schedule.ToString().ToLowerInvariant(),
        plan.Generations,
        plan.RemoteQuotaBytes);
}
