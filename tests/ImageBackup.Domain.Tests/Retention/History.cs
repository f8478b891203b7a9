using ImageBackup.Domain.Retention;

namespace ImageBackup.Domain.Tests.Retention;

/// <summary>Builds generation lists night by night so retention tests read like a calendar.</summary>
internal static class History
{
    public static string IdOf(DateOnly night) => $"g-{night:yyyyMMdd}";

    public static GenerationInfo Success(DateOnly night) => new(IdOf(night), night, GenerationTagging.For(night));

    public static GenerationInfo Broken(DateOnly night) => Success(night) with { IsWhole = false };

    /// <summary>One whole generation for every night from <paramref name="first"/> to <paramref name="last"/> except <paramref name="failed"/>.</summary>
    public static List<GenerationInfo> Nights(DateOnly first, DateOnly last, params DateOnly[] failed)
    {
        var generations = new List<GenerationInfo>();
        for (var night = first; night <= last; night = night.AddDays(1))
        {
            if (!failed.Contains(night))
            {
                generations.Add(Success(night));
            }
        }

        return generations;
    }
}
