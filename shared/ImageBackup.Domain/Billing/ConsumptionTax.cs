namespace ImageBackup.Domain.Billing;

/// <summary>Japanese consumption tax at 10 %, computed once per invoice on the subtotal and rounded down to whole yen.</summary>
public static class ConsumptionTax
{
    /// <summary>The rate in percent.</summary>
    public const long RatePercent = 10;

    /// <summary>Tax on a non-negative subtotal, rounded down (12,345 → 1,234).</summary>
    public static long On(long subtotal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subtotal);
        return checked(subtotal * RatePercent) / 100;
    }
}
