namespace IraqCoalition.Core.Actors;

/// <summary>
/// Reads the project's actor dictionary format: INI-like sections (<c>[kind key]</c>), <c>field = value</c>
/// lines, lists separated by <c>;</c>, comments after <c>#</c>. Flat sections (<c>[titles]</c>,
/// <c>[sects]</c>, <c>[premodifiers]</c>, <c>[stopwords]</c>) hold one item per line. See docs/extraction-actors.md.
/// </summary>
public static class ActorDictionaryReader
{
    private static readonly HashSet<string> FlatSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "titles", "sects", "premodifiers", "stopwords", "roles", "givennames",
    };

    public static void Read(string text, string source, ActorDictionary into)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        string? flat = null;
        ActorEntry? entry = null;
        AgentEntry? agent = null;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                Commit(into, ref entry, ref agent);
                flat = null;
                var header = line[1..^1].Trim();
                if (FlatSections.Contains(header))
                {
                    flat = header.ToLowerInvariant();
                    continue;
                }

                var sp = header.IndexOf(' ', StringComparison.Ordinal);
                if (sp <= 0)
                {
                    throw new FormatException($"{source}:{lineNo}: section header needs a kind and a key: [{header}]");
                }

                var kind = header[..sp].Trim().ToLowerInvariant();
                var key = header[(sp + 1)..].Trim();
                if (kind == "agent")
                {
                    agent = into.FindAgent(key) ?? new AgentEntry { Key = key, Code = "", Name = key };
                }
                else
                {
                    if (!Extraction.ActorKinds.All.Contains(kind))
                    {
                        throw new FormatException($"{source}:{lineNo}: unknown kind '{kind}'");
                    }

                    entry = into.Find(key) is { } existing ? existing : new ActorEntry { Key = key, Name = key, Source = source };
                    entry.Kind = kind;
                    if (kind == Extraction.ActorKinds.Country && entry.Country is null)
                    {
                        entry.Country = key.ToUpperInvariant();
                    }
                }

                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (flat is not null)
            {
                var item = (eq >= 0 ? line[..eq] : line).Trim();
                var value = eq >= 0 ? line[(eq + 1)..].Trim() : null;
                into.AddFlat(flat, item, value);
                continue;
            }

            if (eq <= 0)
            {
                throw new FormatException($"{source}:{lineNo}: expected 'field = value'");
            }

            var field = line[..eq].Trim().ToLowerInvariant();
            var val = line[(eq + 1)..].Trim();
            if (entry is not null)
            {
                SetEntryField(entry, field, val, source, lineNo);
            }
            else if (agent is not null)
            {
                SetAgentField(agent, field, val, source, lineNo);
            }
            else
            {
                throw new FormatException($"{source}:{lineNo}: field outside a section");
            }
        }

        Commit(into, ref entry, ref agent);
    }

    private static void Commit(ActorDictionary into, ref ActorEntry? entry, ref AgentEntry? agent)
    {
        if (entry is not null)
        {
            into.Add(entry);
        }

        if (agent is not null)
        {
            into.AddAgent(agent);
        }

        entry = null;
        agent = null;
    }

    private static void SetEntryField(ActorEntry e, string field, string val, string source, int lineNo)
    {
        switch (field)
        {
            case "name": e.Name = val; break;
            case "country": e.Country = Blank(val)?.ToUpperInvariant(); break;
            case "agent": e.Agent = Blank(val); break;
            case "title": e.Title = Blank(val); break;
            case "role": e.Role = Blank(val); break;
            case "capital": e.Capital = Blank(val); break;
            case "aliases": AddAll(e.Aliases, val); break;
            case "metonyms": AddAll(e.Metonyms, val); break;
            case "demonyms": AddAll(e.Demonyms, val); break;
            case "people": AddAll(e.People, val); break;
            case "anaphors": AddAll(e.Anaphors, val); break;
            case "remove":
                foreach (var r in List(val))
                {
                    e.Aliases.RemoveAll(a => string.Equals(a, r, StringComparison.OrdinalIgnoreCase));
                    e.Metonyms.RemoveAll(a => string.Equals(a, r, StringComparison.OrdinalIgnoreCase));
                }

                break;
            default: throw new FormatException($"{source}:{lineNo}: unknown field '{field}'");
        }
    }

    private static void SetAgentField(AgentEntry a, string field, string val, string source, int lineNo)
    {
        switch (field)
        {
            case "code": a.Code = val.ToUpperInvariant(); break;
            case "kind": a.Kind = val.ToLowerInvariant(); break;
            case "name": a.Name = val; break;
            case "nouns": AddAll(a.Nouns, val); break;
            case "attributive": AddAll(a.Attributive, val); break;
            case "anaphors": AddAll(a.Anaphors, val); break;
            case "standalone": a.Standalone = val.Equals("yes", StringComparison.OrdinalIgnoreCase) || val.Equals("true", StringComparison.OrdinalIgnoreCase); break;
            case "definite": a.Definite = val.Equals("yes", StringComparison.OrdinalIgnoreCase) || val.Equals("true", StringComparison.OrdinalIgnoreCase); break;
            default: throw new FormatException($"{source}:{lineNo}: unknown agent field '{field}'");
        }
    }

    private static string? Blank(string v) => v.Length == 0 ? null : v;

    internal static IEnumerable<string> List(string val) =>
        val.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AddAll(List<string> into, string val)
    {
        foreach (var item in List(val))
        {
            if (!into.Contains(item, StringComparer.Ordinal))
            {
                into.Add(item);
            }
        }
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }
}
