namespace ImageBackup.FileRestore.Paths;

/// <summary>A path inside a generation, <c>&lt;volume&gt;:/dir/file</c>, split into the volume name and the names to walk.</summary>
/// <param name="Volume">Volume name, e.g. <c>p1</c> or <c>vg_root/lv_root</c>.</param>
/// <param name="Components">Names from the root down; empty for the root directory.</param>
public sealed record ImagePath(string Volume, IReadOnlyList<string> Components)
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> for a missing volume, a relative path or a ".." component.</summary>
    public static ImagePath Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ArgumentException($"'{text}' is not <volume>:/path (e.g. p1:/etc/hosts or vg_root/lv_root:/var/www)");
        }
        var volume = text[..colon];
        var path = text[(colon + 1)..];
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"'{text}': the path after the volume must start with '/'");
        }
        var components = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                throw new ArgumentException($"'{text}': '..' is not allowed in paths");
            }
            if (part != ".")
            {
                components.Add(part);
            }
        }
        return new ImagePath(volume, components);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Volume}:/{string.Join('/', Components)}";
}
