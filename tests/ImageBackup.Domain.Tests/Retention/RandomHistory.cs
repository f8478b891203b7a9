using ImageBackup.Domain.Retention;

namespace ImageBackup.Domain.Tests.Retention;

/// <summary>A seeded random server: its plans and 400 nights of successes, failures and broken generations.</summary>
internal sealed record RandomHistory(string[] Plans, List<GenerationInfo> Generations, List<DateOnly> WholeNights, DateOnly LastNight)
{
    public const int Nights = 400;

    private static readonly string[] Local = ["backup-D3", "backup-D7", "backup-D14", "backup-W4", "backup-M6"];

    public static RandomHistory Create(int seed)
    {
        var random = new Random(seed);
        var remote = random.Next(2) == 0 ? "backup-HKD-100" : "backup-HKD-200";
        var pool = Local.Append(remote).ToArray();
        random.Shuffle(pool);
        var plans = pool.Take(random.Next(1, 5)).ToArray();

        var first = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 800));
        var successRate = 0.2 + (0.8 * random.NextDouble());
        var generations = new List<GenerationInfo>();
        var wholeNights = new List<DateOnly>();
        for (var n = 0; n < Nights; n++)
        {
            var night = first.AddDays(n);
            var roll = random.NextDouble();
            if (roll < successRate)
            {
                generations.Add(History.Success(night));
                wholeNights.Add(night);
            }
            else if (roll < successRate + ((1 - successRate) / 4))
            {
                generations.Add(History.Broken(night));
            }
        }

        var shuffled = generations.ToArray();
        random.Shuffle(shuffled);
        return new RandomHistory(plans, [.. shuffled], wholeNights, first.AddDays(Nights - 1));
    }
}
