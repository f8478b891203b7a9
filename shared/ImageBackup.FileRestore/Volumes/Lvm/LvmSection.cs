namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>One <c>name { … }</c> block of LVM2 metadata text: values are long, string, a list of those, or a nested section.</summary>
internal sealed class LvmSection
{
    /// <summary>Keys in the order they appear, with their values.</summary>
    public Dictionary<string, object> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Nested section <paramref name="key"/>, or null.</summary>
    public LvmSection? Section(string key) => Values.GetValueOrDefault(key) as LvmSection;

    /// <summary>String value <paramref name="key"/>, or null.</summary>
    public string? String(string key) => Values.GetValueOrDefault(key) as string;

    /// <summary>Number <paramref name="key"/>, or null.</summary>
    public long? Number(string key) => Values.GetValueOrDefault(key) is long value ? value : null;

    /// <summary>List <paramref name="key"/>, or an empty list.</summary>
    public IReadOnlyList<object> List(string key) => Values.GetValueOrDefault(key) as List<object> ?? [];

    /// <summary>Number <paramref name="key"/>, or a <see cref="CorruptImageException"/> naming where it was expected.</summary>
    public long Required(string key, string where) =>
        Number(key) ?? throw new CorruptImageException($"LVM2 metadata: {where} has no numeric '{key}'");
}
