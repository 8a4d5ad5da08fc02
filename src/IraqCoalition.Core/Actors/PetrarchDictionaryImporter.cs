using System.Globalization;
using System.Text;
using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Core.Actors;

/// <summary>A CAMEO code with the dates it applies to (either end open).</summary>
public sealed record PetrarchCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool ValidOn(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);
}

/// <summary>
/// Imports CAMEO/PETRARCH (TABARI) dictionaries: actor files (a name line with <c>_</c> for spaces, <c>+</c>
/// synonym lines, codes in brackets such as <c>[IRQGOV 20060520-20140908]</c>, comments after <c>#</c>) and
/// agent files (<c>NOUN_PHRASE {PLURAL} [~MIL]</c>, substitution sets <c>!PERSON! = MAN, MEN</c>).
/// </summary>
public static class PetrarchDictionaryImporter
{
    public sealed record ImportResult(int Actors, int AgentNouns);

    /// <param name="asOf">Picks, among dated codes, the one valid on this day; without it the undated or last code wins.</param>
    public static ImportResult Import(string text, ActorDictionary into, string source, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        return text.Contains("[~", StringComparison.Ordinal) ? ImportAgents(text, into, source) : ImportActors(text, into, source, asOf);
    }

    private static ImportResult ImportActors(string text, ActorDictionary into, string source, DateOnly? asOf)
    {
        var count = 0;
        string? name = null;
        var synonyms = new List<string>();
        var codes = new List<PetrarchCode>();

        void Flush()
        {
            if (name is not null && codes.Count > 0)
            {
                into.Add(ToEntry(name, synonyms, codes, source, asOf));
                count++;
            }

            name = null;
            synonyms.Clear();
            codes.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw);
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed[0] == '+')
            {
                var syn = Phrase(BeforeBracket(trimmed[1..]));
                if (syn.Length > 0 && name is not null)
                {
                    synonyms.Add(syn);
                }

                codes.AddRange(Codes(trimmed));
                continue;
            }

            if (trimmed[0] == '[')
            {
                codes.AddRange(Codes(trimmed));
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && name is not null)
            {
                codes.AddRange(Codes(trimmed));
                continue;
            }

            Flush();
            name = Phrase(BeforeBracket(trimmed));
            codes.AddRange(Codes(trimmed));
        }

        Flush();
        return new ImportResult(count, 0);
    }

    private static ActorEntry ToEntry(string name, List<string> synonyms, List<PetrarchCode> codes, string source, DateOnly? asOf)
    {
        // A dated code that covers the day beats the undated fallback that usually closes a PETRARCH entry.
        var code = (asOf is { } day ? codes.LastOrDefault(c => (c.From is not null || c.To is not null) && c.ValidOn(day)) : null)
            ?? codes.LastOrDefault(c => c.From is null && c.To is null)
            ?? codes[^1];
        var iso = code.Code.Length >= 3 ? code.Code[..3] : code.Code;
        var agent = code.Code.Length > 3 ? code.Code[3..] : null;
        var isCountry = code.Code.Length == 3 && synonyms.Count > 0;
        var entry = new ActorEntry
        {
            Key = isCountry ? iso : "petrarch:" + name.ToLowerInvariant().Replace(' ', '_'),
            Name = name,
            Kind = isCountry ? ActorKinds.Country : GuessKind(name, agent),
            Country = IsOrganisationPrefix(iso) ? null : iso,
            Agent = agent is { Length: >= 3 } ? agent[..3] : null,
            Source = source,
        };
        entry.Aliases.AddRange(synonyms.Where(s => !string.Equals(s, name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
        return entry;
    }

    // CAMEO uses these prefixes for international and non-state actors instead of a country code.
    private static bool IsOrganisationPrefix(string p) => p is "IGO" or "NGO" or "IMG" or "MNC" or "UAF" or "INT";

    private static readonly string[] OrganisationWords =
    [
        "army", "forces", "force", "ministry", "party", "council", "committee", "front", "brigade", "union", "bank",
        "agency", "police", "guard", "corps", "movement", "organization", "organisation", "league", "assembly", "court",
        "government", "parliament", "company", "department", "office", "commission", "group",
    ];

    private static string GuessKind(string name, string? agent)
    {
        var lower = name.ToLowerInvariant().Split(' ');
        if (lower.Any(w => OrganisationWords.Contains(w)))
        {
            return agent is "REB" or "INS" or "UAF" ? ActorKinds.ArmedGroup : ActorKinds.Organization;
        }

        return lower.Length is >= 2 and <= 5 ? ActorKinds.Person : ActorKinds.Other;
    }

    private static ImportResult ImportAgents(string text, ActorDictionary into, string source)
    {
        var substitutions = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var byCode = new Dictionary<string, AgentEntry>(StringComparer.Ordinal);
        var nouns = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '!' && line.Contains('=', StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                substitutions[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }

            var open = line.IndexOf("[~", StringComparison.Ordinal);
            if (open < 0)
            {
                continue;
            }

            var close = line.IndexOfAny([']', '}'], open);
            var code = line[(open + 2)..(close < 0 ? line.Length : close)].Trim().ToUpperInvariant();
            var head = line[..open];
            string? plural = null;
            var brace = head.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                var endBrace = head.IndexOf('}', brace);
                plural = head[(brace + 1)..(endBrace < 0 ? head.Length : endBrace)].Trim();
                head = head[..brace];
            }

            if (!byCode.TryGetValue(code, out var agent))
            {
                byCode[code] = agent = new AgentEntry
                {
                    Key = "petrarch:" + code,
                    Code = code.Length >= 3 ? code[..3] : code,
                    Name = code,
                    Kind = ActorKinds.Organization,
                };
            }

            foreach (var form in Expand(head.Trim(), substitutions))
            {
                var noun = Phrase(form).ToLowerInvariant();
                if (noun.Length == 0)
                {
                    continue;
                }

                agent.Nouns.Add(noun);
                nouns++;
                // PETRARCH forms regular plurals itself; "{}" means there is none, "{X}" names an irregular one.
                if (plural is null)
                {
                    agent.Nouns.Add(noun.EndsWith('s') || noun.EndsWith('x') ? noun + "es" : noun.EndsWith('y') && noun.Length > 2 && !"aeiou".Contains(noun[^2], StringComparison.Ordinal) ? noun[..^1] + "ies" : noun + "s");
                }
                else if (plural.Length > 0)
                {
                    agent.Nouns.Add(Phrase(plural).ToLowerInvariant());
                }
            }

            if (agent.Name == code && agent.Nouns.Count > 0)
            {
                agent.Name = agent.Nouns[0];
            }
        }

        foreach (var agent in byCode.Values)
        {
            into.AddAgent(agent);
        }

        return new ImportResult(0, nouns);
    }

    private static IEnumerable<string> Expand(string head, Dictionary<string, string[]> substitutions)
    {
        var bang = head.IndexOf('!', StringComparison.Ordinal);
        var end = bang >= 0 ? head.IndexOf('!', bang + 1) : -1;
        if (end < 0)
        {
            yield return head;
            yield break;
        }

        var key = head[bang..(end + 1)];
        if (!substitutions.TryGetValue(key, out var values))
        {
            yield return head.Remove(bang, end - bang + 1);
            yield break;
        }

        foreach (var v in values)
        {
            foreach (var rest in Expand(head[..bang] + v + head[(end + 1)..], substitutions))
            {
                yield return rest;
            }
        }
    }

    /// <summary>"ABU_MAHDI_AL-MUHANDIS_" -> "Abu Mahdi Al-Muhandis": underscores are spaces, case becomes title case.</summary>
    internal static string Phrase(string raw)
    {
        var words = raw.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
                if (SmallWords.Contains(w))
                {
                    sb.Append(w.ToLowerInvariant());
                    continue;
                }
            }

            var upper = true;
            for (var i = 0; i < w.Length; i++)
            {
                var c = w[i];
                sb.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                upper = c is '-' or '\'' or '.';
            }
        }

        return sb.ToString();
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "in", "on", "to", "at" };

    private static string BeforeBracket(string s)
    {
        var b = s.IndexOf('[', StringComparison.Ordinal);
        return b >= 0 ? s[..b] : s;
    }

    private static IEnumerable<PetrarchCode> Codes(string line)
    {
        var i = 0;
        while ((i = line.IndexOf('[', i)) >= 0)
        {
            var close = line.IndexOf(']', i);
            if (close < 0)
            {
                yield break;
            }

            var body = line[(i + 1)..close].Trim();
            i = close + 1;
            if (body.Length == 0 || body[0] == '~')
            {
                continue;
            }

            var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = parts[0].ToUpperInvariant();
            if (parts.Length == 1)
            {
                yield return new PetrarchCode(code, null, null);
                continue;
            }

            var range = parts[1];
            if (range[0] == '>')
            {
                yield return new PetrarchCode(code, ParseDate(range[1..]), null);
            }
            else if (range[0] == '<')
            {
                yield return new PetrarchCode(code, null, ParseDate(range[1..]));
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                yield return dash > 0
                    ? new PetrarchCode(code, ParseDate(range[..dash]), ParseDate(range[(dash + 1)..]))
                    : new PetrarchCode(code, ParseDate(range), null);
            }
        }
    }

    /// <summary>YYYYMMDD or TABARI's YYMMDD (years before 30 read as 20xx).</summary>
    internal static DateOnly? ParseDate(string s)
    {
        if (s.Length == 8 && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d8))
        {
            return d8;
        }

        if (s.Length == 6 && int.TryParse(s.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
            && DateOnly.TryParseExact((yy < 30 ? "20" : "19") + s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d6))
        {
            return d6;
        }

        return null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).TrimEnd('\r');
    }
}
