using System.Text;
using System.Text.RegularExpressions;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Tests.Actors;

namespace IraqCoalition.Core.Tests.Hostile;

/// <summary>Real article bodies to start from (every gold set and the sample articles), and run-on texts made of them.</summary>
internal static partial class HostileArticles
{
    private static readonly string[] Sets = ["seed", "dev", "probe", "probe2", "probe3"];

    public static IReadOnlyList<string> Bodies { get; } = Sets
        .SelectMany(set => Directory.GetFiles(GoldActorScore.GoldDirectory(set), "*.md"))
        .Order(StringComparer.Ordinal)
        .Select(f => ArticleReader.ReadFile(f).Body)
        .ToList();

    /// <summary>
    /// Every article at once as one sentence of <paramref name="bytes"/> bytes: each stop becomes a
    /// comma and each line break a space, as a careless export or an attacker would send it.
    /// <paramref name="openQuote"/> starts it with a quotation mark that never closes.
    /// </summary>
    public static string RunOn(int bytes, bool openQuote = false)
    {
        var joined = Whitespace().Replace(string.Join(' ', Bodies), " ");
        var run = Stop().Replace(joined, "$2, ");
        var sb = new StringBuilder(openQuote ? "\"" : "");
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < bytes)
        {
            sb.Append(run).Append(' ');
        }

        var text = sb.ToString();
        return text[..text.LastIndexOf(' ', Math.Min(text.Length - 1, bytes))].TrimEnd(',') + ".";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("([.!?])([\"\u201D]?)\\s+")]
    private static partial Regex Stop();
}
