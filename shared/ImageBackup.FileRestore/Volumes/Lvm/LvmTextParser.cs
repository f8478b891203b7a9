using System.Text;

namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>
/// Parses the LVM2 text metadata format (<c>key = value</c>, <c>name { … }</c>, <c>[a, b]</c>, <c>#</c> comments) with
/// caps on nesting and item count, so a hostile metadata area cannot exhaust the stack or memory.
/// </summary>
internal sealed class LvmTextParser
{
    private const int MaxDepth = 16;
    private const int MaxItems = 200_000;
    private readonly string text;
    private int position;
    private int items;

    private LvmTextParser(string text) => this.text = text;

    /// <summary>The top-level section of <paramref name="text"/>.</summary>
    public static LvmSection Parse(string text)
    {
        var parser = new LvmTextParser(text);
        var root = parser.ParseSection(0, topLevel: true);
        return root;
    }

    private LvmSection ParseSection(int depth, bool topLevel)
    {
        if (depth > MaxDepth)
        {
            throw Error("sections nested too deeply");
        }
        var section = new LvmSection();
        while (true)
        {
            SkipSpace();
            if (position >= text.Length)
            {
                return topLevel ? section : throw Error("unterminated section");
            }
            if (text[position] == '}')
            {
                if (topLevel)
                {
                    throw Error("unbalanced '}'");
                }
                position++;
                return section;
            }
            var key = Identifier();
            if (++items > MaxItems)
            {
                throw Error("too many items");
            }
            SkipSpace();
            if (position < text.Length && text[position] == '{')
            {
                position++;
                section.Values[key] = ParseSection(depth + 1, topLevel: false);
            }
            else if (position < text.Length && text[position] == '=')
            {
                position++;
                section.Values[key] = Value(depth);
            }
            else
            {
                throw Error($"expected '=' or '{{' after '{key}'");
            }
        }
    }

    private object Value(int depth)
    {
        SkipSpace();
        if (position >= text.Length)
        {
            throw Error("missing value");
        }
        var c = text[position];
        if (c == '"')
        {
            return QuotedString();
        }
        if (c == '[')
        {
            position++;
            var list = new List<object>();
            while (true)
            {
                SkipSpace();
                if (position < text.Length && text[position] == ']')
                {
                    position++;
                    return list;
                }
                if (++items > MaxItems)
                {
                    throw Error("too many items");
                }
                var item = Value(depth + 1);
                if (item is List<object>)
                {
                    throw Error("nested lists");
                }
                list.Add(item);
                SkipSpace();
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                }
            }
        }
        var start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '-' or '+' or '.'))
        {
            position++;
        }
        var token = text[start..position];
        if (long.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return token;
        }
        throw Error("bad value");
    }

    private string QuotedString()
    {
        position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (position >= text.Length)
            {
                throw Error("unterminated string");
            }
            var c = text[position++];
            if (c == '"')
            {
                return builder.ToString();
            }
            if (c == '\\' && position < text.Length)
            {
                c = text[position++];
            }
            builder.Append(c);
        }
    }

    private string Identifier()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '.' or '+' or '-'))
        {
            position++;
        }
        if (position == start)
        {
            throw Error($"unexpected character '{text[position]}'");
        }
        return text[start..position];
    }

    private void SkipSpace()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace(c) || c == '\0')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private CorruptImageException Error(string what) => new($"LVM2 metadata text: {what} at character {position}");
}
