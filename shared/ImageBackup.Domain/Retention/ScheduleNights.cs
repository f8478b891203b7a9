using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Retention;

/// <summary>Which captures a schedule counts and when its next ones fall, so the promise and its end date use the same rule.</summary>
internal static class ScheduleNights
{
    /// <summary>Whether a generation with these tags counts for the schedule (remote plans count every capture).</summary>
    public static bool Counts(ScheduleKind schedule, GenerationTags tags) => schedule switch
    {
        ScheduleKind.Daily or ScheduleKind.Remote => tags.HasFlag(GenerationTags.Daily),
        ScheduleKind.Weekly => tags.HasFlag(GenerationTags.Weekly),
        ScheduleKind.Monthly => tags.HasFlag(GenerationTags.Monthly),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, "Unknown schedule."),
    };

    /// <summary>The <paramref name="count"/>-th night after <paramref name="after"/> whose capture counts for the schedule.</summary>
    public static DateOnly NthAfter(ScheduleKind schedule, DateOnly after, int count)
    {
        var night = after;
        for (var found = 0; found < count;)
        {
            night = night.AddDays(1);
            if (Counts(schedule, GenerationTagging.For(night)))
            {
                found++;
            }
        }

        return night;
    }
}
