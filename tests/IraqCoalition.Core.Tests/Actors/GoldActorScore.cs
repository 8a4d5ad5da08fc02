using System.Text.Json;
using System.Text.RegularExpressions;
using IraqCoalition.Core.Actors;

namespace IraqCoalition.Core.Tests.Actors;

/// <summary>The actor half of ../shared/eval/score.py, ported so the gold copies in the repo are a regression test.</summary>
internal static partial class GoldActorScore
{
    public sealed record GoldActor(string Key, bool Required, string Kind, string? Country, HashSet<string> Names);

    public sealed record Result(int RequiredFound, int Required, int PredictedRight, int Predicted, List<string> Missed, List<string> Wrong)
    {
        /// <summary>Matched actors whose gold actor has a country, and how many of those got it right.</summary>
        public int CountryChecked { get; init; }

        public int CountryRight { get; init; }
    }

    public static string GoldDirectory(string set)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "IraqCoalition.Core.Tests", "Gold", set);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("Gold/" + set);
    }

    public static List<GoldActor> LoadGold(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("actors").EnumerateArray().Select(a => new GoldActor(
            a.GetProperty("key").GetString()!,
            a.TryGetProperty("required", out var r) && r.GetBoolean(),
            a.GetProperty("kind").GetString()!,
            a.TryGetProperty("country", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            a.GetProperty("names").EnumerateArray().Select(n => Norm(n.GetString())).ToHashSet())).ToList();
    }

    public static Result Score(ActorAnalysis analysis, List<GoldActor> gold)
    {
        var found = new HashSet<string>();
        var right = 0;
        int countryChecked = 0, countryRight = 0;
        var wrong = new List<string>();
        foreach (var a in analysis.Actors)
        {
            var names = a.Aliases.Append(a.Name).Concat(a.Mentions.Select(m => m.Text)).Select(Norm).Where(n => n.Length > 0).ToHashSet();
            var keys = gold.Where(g => g.Names.Overlaps(names)).Select(g => g.Key).ToList();
            if (keys.Count > 0)
            {
                right++;
                // Like the scorer: the first gold actor (in gold order) the prediction matches decides.
                var first = gold.First(g => keys.Contains(g.Key));
                if (first.Country is not null)
                {
                    countryChecked++;
                    countryRight += string.Equals(a.Country, first.Country, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                }
            }
            else
            {
                wrong.Add(a.Name);
            }

            found.UnionWith(keys);
        }

        var required = gold.Where(g => g.Required).Select(g => g.Key).ToList();
        var missed = required.Where(k => !found.Contains(k)).ToList();
        return new Result(required.Count - missed.Count, required.Count, right, analysis.Actors.Count, missed, wrong)
        {
            CountryChecked = countryChecked,
            CountryRight = countryRight,
        };
    }

    public static string Norm(string? s)
    {
        s = (s ?? "").Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201c', '"').Replace('\u201d', '"')
            .Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2013', '-').Replace('\u2014', '-').ToLowerInvariant().Trim();
        s = Possessive().Replace(s, "");
        s = NonName().Replace(s, " ");
        s = Spaces().Replace(s, " ").Trim(' ', '.', '-');
        return Article().Replace(s, "");
    }

    [GeneratedRegex(@"'s\b")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"[^a-z0-9.\- ]")]
    private static partial Regex NonName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(the|a|an) ")]
    private static partial Regex Article();
}
