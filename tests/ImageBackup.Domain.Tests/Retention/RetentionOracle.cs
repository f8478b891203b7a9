namespace ImageBackup.Domain.Tests.Retention;

/// <summary>The plans' promises restated from the price list in the plainest way, independently of the production rule.</summary>
internal static class RetentionOracle
{
    public static readonly string[] PriceList =
        ["backup-D3", "backup-D7", "backup-D14", "backup-W4", "backup-M6", "backup-HKD-100", "backup-HKD-200"];

    /// <summary>For each whole night some plan promises, the plans promising it in price-list order.</summary>
    /// <param name="plans">The server's plan codes.</param>
    /// <param name="wholeNights">The nights with a whole generation, oldest first, at most one a night.</param>
    public static Dictionary<DateOnly, List<string>> Promised(IReadOnlyCollection<string> plans, IReadOnlyList<DateOnly> wholeNights)
    {
        var promised = new Dictionary<DateOnly, List<string>>();
        foreach (var plan in PriceList.Where(plans.Contains))
        {
            var taken = 0;
            for (var i = wholeNights.Count - 1; i >= 0 && taken < Keeps(plan); i--)
            {
                var night = wholeNights[i];
                if (Counts(plan, night))
                {
                    if (!promised.TryGetValue(night, out var list))
                    {
                        promised[night] = list = [];
                    }

                    list.Add(plan);
                    taken++;
                }
            }
        }

        return promised;
    }

    private static int Keeps(string plan) => plan switch
    {
        "backup-D3" => 3,
        "backup-D7" => 7,
        "backup-D14" => 14,
        "backup-W4" => 4,
        "backup-M6" => 6,
        _ => 1,
    };

    private static bool Counts(string plan, DateOnly night) => plan switch
    {
        "backup-W4" => night.DayOfWeek == DayOfWeek.Monday,
        "backup-M6" => night.Day == 1,
        _ => true,
    };
}
