using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Retention;

/// <summary>The retention rule of the specification: a generation stays while any plan of the server still keeps it.</summary>
public static class RetentionPolicy
{
    private static readonly Dictionary<string, int> PriceListIndex =
        PlanCatalog.All.Select((plan, index) => (plan.Code, index)).ToDictionary(p => p.Code, p => p.index, StringComparer.Ordinal);

    /// <summary>
    /// Decides which generations the plans keep (the union of each plan's newest N generations of its schedule) and
    /// which to delete. Failed nights have no generation, so "newest N" counts generations, not nights.
    /// </summary>
    /// <param name="planCodes">The server's plan codes (case ignored, duplicates ignored); at least one.</param>
    /// <param name="generations">Every committed generation of the server's store; never a capture still in flight.</param>
    /// <param name="lastNightDecided">
    /// The newest night whose outcome is known; captures are assumed to succeed on every later night when computing
    /// <see cref="KeptGeneration.DropsOn"/>. Defaults to the newest generation's night.
    /// </param>
    public static RetentionDecision Keep(
        IReadOnlyList<string> planCodes,
        IReadOnlyList<GenerationInfo> generations,
        DateOnly? lastNightDecided = null)
    {
        ArgumentNullException.ThrowIfNull(planCodes);
        ArgumentNullException.ThrowIfNull(generations);
        var plans = PlansOf(planCodes);
        CheckIds(generations);

        var newestFirst = generations
            .OrderByDescending(g => g.Night)
            .ThenByDescending(g => g.Id, StringComparer.Ordinal)
            .ToList();
        var lastNight = LastNight(newestFirst, lastNightDecided);

        var promises = new Dictionary<string, List<(BackupPlan Plan, DateOnly DropsOn)>>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            var counted = newestFirst.Where(g => g.IsWhole && ScheduleNights.Counts(plan.Schedule, g.Tags)).Take(plan.Generations);
            var rank = 0;
            foreach (var generation in counted)
            {
                var dropsOn = ScheduleNights.NthAfter(plan.Schedule, lastNight, plan.Generations - rank);
                if (!promises.TryGetValue(generation.Id, out var list))
                {
                    promises[generation.Id] = list = [];
                }

                list.Add((plan, dropsOn));
                rank++;
            }
        }

        var kept = newestFirst
            .Where(g => promises.ContainsKey(g.Id))
            .Select(g => ToKept(g, promises[g.Id]))
            .ToList();
        var delete = newestFirst
            .Where(g => !promises.ContainsKey(g.Id))
            .Reverse()
            .Select(g => g.Id)
            .ToList();
        return new RetentionDecision(kept, delete);
    }

    private static List<BackupPlan> PlansOf(IReadOnlyList<string> planCodes)
    {
        var plans = planCodes
            .Select(PlanCatalog.Get)
            .DistinctBy(p => p.Code)
            .OrderBy(p => PriceListIndex[p.Code])
            .ToList();
        if (plans.Count == 0)
        {
            throw new ArgumentException("At least one plan is needed: with none, every generation would be deleted.", nameof(planCodes));
        }

        return plans;
    }

    private static void CheckIds(IReadOnlyList<GenerationInfo> generations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var generation in generations)
        {
            if (!seen.Add(generation.Id))
            {
                throw new ArgumentException($"Generation '{generation.Id}' is listed twice.", nameof(generations));
            }
        }
    }

    private static DateOnly LastNight(List<GenerationInfo> newestFirst, DateOnly? lastNightDecided)
    {
        if (newestFirst.Count == 0)
        {
            return lastNightDecided ?? DateOnly.MinValue;
        }

        var newest = newestFirst[0].Night;
        if (lastNightDecided is { } decided && decided < newest)
        {
            throw new ArgumentOutOfRangeException(nameof(lastNightDecided), decided, $"A generation of night {newest:yyyy-MM-dd} already exists.");
        }

        return lastNightDecided ?? newest;
    }

    private static KeptGeneration ToKept(GenerationInfo generation, List<(BackupPlan Plan, DateOnly DropsOn)> promises)
    {
        var longest = promises[0];
        foreach (var promise in promises)
        {
            if (promise.DropsOn > longest.DropsOn)
            {
                longest = promise;
            }
        }

        return new KeptGeneration(
            generation.Id,
            generation.Night,
            promises.Select(p => p.Plan.Code).ToList(),
            longest.Plan.Code,
            longest.DropsOn);
    }
}
