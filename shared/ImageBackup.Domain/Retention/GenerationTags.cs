namespace ImageBackup.Domain.Retention;

/// <summary>Which schedules a nightly capture counts for, because one capture a night serves every plan of the server.</summary>
[Flags]
public enum GenerationTags
{
    /// <summary>Counts for no schedule (never produced by <see cref="GenerationTagging"/>).</summary>
    None = 0,

    /// <summary>Every whole capture is a daily generation.</summary>
    Daily = 1,

    /// <summary>The capture of the night of Sunday to Monday (JST date is a Monday).</summary>
    Weekly = 2,

    /// <summary>The capture of the night of the 1st of a month (JST date is the 1st).</summary>
    Monthly = 4,
}
