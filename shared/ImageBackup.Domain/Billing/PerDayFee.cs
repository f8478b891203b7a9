namespace ImageBackup.Domain.Billing;

/// <summary>The per-day charge of a monthly fee, in integer yen so no floating point ever touches money.</summary>
public static class PerDayFee
{
    /// <summary><c>monthlyFee × days ÷ daysInMonth</c>, rounded down; a whole month gives exactly the monthly fee.</summary>
    public static long For(long monthlyFee, int days, int daysInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyFee);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, daysInMonth);
        ArgumentOutOfRangeException.ThrowIfLessThan(daysInMonth, 28);
        return checked(monthlyFee * days) / daysInMonth;
    }
}
