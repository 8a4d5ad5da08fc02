using System.Text;

namespace IraqCoalition.Data.Actors;

/// <summary>
/// The comparison form of an actor name: case, quote and dash styles, a leading article and a
/// possessive do not make two actors different ("The U.S.-led coalition" = "U.S.–led coalition").
/// </summary>
public static class NameKey
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Trim())
        {
            var c = ch switch
            {
                '\u2018' or '\u2019' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb.Append(c);
        }

        var s = sb.ToString().TrimEnd();
        if (s.EndsWith("'s", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        foreach (var article in (ReadOnlySpan<string>)["the ", "a ", "an "])
        {
            if (s.StartsWith(article, StringComparison.Ordinal) && s.Length > article.Length)
            {
                s = s[article.Length..];
                break;
            }
        }

        return s.Trim(' ', '.', '-', '"', '\'');
    }
}
