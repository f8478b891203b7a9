using System.Collections.Frozen;

namespace ImageBackup.Domain.Plans;

/// <summary>The seven plans of the service specification (version 2.1), the only source of plan fees and retention.</summary>
public static class PlanCatalog
{
    /// <summary>One gigabyte as the remote quotas count it (decimal, as storage is sold).</summary>
    public const long Gigabyte = 1_000_000_000L;

    /// <summary>All plans in price-list order.</summary>
    public static IReadOnlyList<BackupPlan> All { get; } =
    [
        new("backup-D3", "Daily backup, 3 generations", "日次バックアップ 3 世代", 10_000, 5_000, ScheduleKind.Daily, 3, null),
        new("backup-D7", "Daily backup, 7 generations (1 week)", "日次バックアップ 7 世代（1 週間）", 10_000, 10_000, ScheduleKind.Daily, 7, null),
        new("backup-D14", "Daily backup, 14 generations (2 weeks)", "日次バックアップ 14 世代（2 週間）", 10_000, 20_000, ScheduleKind.Daily, 14, null),
        new("backup-W4", "Weekly backup, 4 generations (1 month)", "週次バックアップ 4 世代（1 カ月）", 10_000, 5_000, ScheduleKind.Weekly, 4, null),
        new("backup-M6", "Monthly backup, 6 generations (6 months)", "月次バックアップ 6 世代（6 カ月）", 10_000, 10_000, ScheduleKind.Monthly, 6, null),
        new("backup-HKD-100", "Remote site (Hokkaido), daily, 1 generation, up to 100 GB allotted", "遠隔地(北海道)日次バックアップ 1 世代 割当容量 100GB まで", 10_000, 30_000, ScheduleKind.Remote, 1, 100 * Gigabyte),
        new("backup-HKD-200", "Remote site (Hokkaido), daily, 1 generation, up to 200 GB allotted", "遠隔地(北海道)日次バックアップ 1 世代 割当容量 200GB まで", 10_000, 35_000, ScheduleKind.Remote, 1, 200 * Gigabyte),
    ];

    private static readonly FrozenDictionary<string, BackupPlan> ByCode =
        All.ToFrozenDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a plan by its code, ignoring case.</summary>
    public static bool TryFind(string code, out BackupPlan plan) => ByCode.TryGetValue(code, out plan!);

    /// <summary>Finds a plan by its code, or throws when no such plan exists.</summary>
    public static BackupPlan Get(string code) =>
        TryFind(code, out var plan) ? plan : throw new KeyNotFoundException($"Unknown plan code '{code}'.");
}
