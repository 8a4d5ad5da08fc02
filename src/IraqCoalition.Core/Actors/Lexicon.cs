namespace IraqCoalition.Core.Actors;

internal enum LexKind
{
    Entity,
    Metonym,
    Demonym,
    People,
    Capital,
    Title,
    Agent,
    Sect,
}

/// <summary>What a dictionary phrase means; <see cref="Case"/> holds, per pattern token, how strictly case must match.</summary>
internal sealed class LexItem(LexKind kind, string surface, byte[] caseRule, string[] exact)
{
    public LexKind Kind { get; } = kind;
    public string Surface { get; } = surface;
    public ActorEntry? Entry { get; init; }
    public AgentEntry? Agent { get; init; }
    public string? Code { get; init; }

    /// <summary>0 any case, 1 must start with a capital, 2 exact (acronyms such as "AP", "IS", "US").</summary>
    public byte[] Case { get; } = caseRule;

    public string[] Exact { get; } = exact;
}

/// <summary>Closed word classes recognition consults per token; one lookup per token gives all of them.</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Premodifier = 1,
    Determiner = 2,
    Role = 4,
    Stopword = 8,
    Follower = 16,
    GivenName = 32,
    Particle = 64,
    AnaphorFirst = 128,
    Speech = 256,
    LocationPreposition = 512,
    PlaceAdjective = 1024,
    OrgHead = 2048,
    MediaHead = 4096,
    ArmedPrefix = 8192,
    OrgNoun = 16384,
}

internal sealed class TrieNode
{
    public Dictionary<string, TrieNode>? Children;
    public List<LexItem>? Items;
}

/// <summary>The compiled, immutable form of an <see cref="ActorDictionary"/>: a token trie and word sets.</summary>
internal sealed class Lexicon
{
    private readonly TrieNode root = new();

    public Lexicon(List<ActorEntry> entries, List<AgentEntry> agents, Dictionary<string, string> titles, Dictionary<string, HashSet<string>> lists)
    {
        var byCountry = new Dictionary<string, ActorEntry>(StringComparer.OrdinalIgnoreCase);
        var agentDerived = new Dictionary<string, ActorEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            if (e.Kind == Extraction.ActorKinds.Country && e.Country is not null)
            {
                byCountry[e.Country] = e;
                foreach (var d in e.Demonyms)
                {
                    Insert(d, LexKind.Demonym, e, null, null);
                }

                foreach (var p in e.People)
                {
                    Insert(p, LexKind.People, e, null, null);
                }

                if (e.Capital is not null)
                {
                    Insert(e.Capital, LexKind.Capital, e, null, null);
                }
            }

            if (e.CountryAgent is not null)
            {
                agentDerived[e.Key] = e;
            }

            foreach (var n in e.AllNames())
            {
                Insert(n, LexKind.Entity, e, null, null);
            }

            foreach (var m in e.Metonyms)
            {
                Insert(m, LexKind.Metonym, e, null, null);
            }
        }

        foreach (var a in agents)
        {
            foreach (var n in a.Nouns)
            {
                Insert(n, LexKind.Agent, null, a, a.Code);
            }
        }

        foreach (var (t, code) in titles)
        {
            Insert(t, LexKind.Title, null, null, code);
        }

        foreach (var s in lists.GetValueOrDefault("sects") ?? [])
        {
            Insert(s, LexKind.Sect, null, null, null);
        }

        Countries = byCountry;
        AgentDerived = agentDerived;
        Agents = agents.ToDictionary(a => a.Key, StringComparer.OrdinalIgnoreCase);
        Premodifiers = Lowered(lists, "premodifiers");
        Roles = Lowered(lists, "roles");
        Stopwords = Lowered(lists, "stopwords");
        GivenNames = Lowered(lists, "givennames");
        EntityAnaphors = new Dictionary<string, List<ActorEntry>>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            foreach (var a in e.Anaphors)
            {
                var key = string.Join(' ', ActorTokenizer.Tokenize(a).Select(t => t.Lower));
                if (!EntityAnaphors.TryGetValue(key, out var list))
                {
                    EntityAnaphors[key] = list = [];
                }

                list.Add(e);
            }
        }

        AgentAnaphors = new Dictionary<string, AgentEntry>(StringComparer.Ordinal);
        foreach (var a in agents)
        {
            foreach (var n in a.Anaphors)
            {
                AgentAnaphors.TryAdd(n.ToLowerInvariant(), a);
            }
        }

        AgentByNoun = new Dictionary<string, AgentEntry>(StringComparer.Ordinal);
        foreach (var a in agents)
        {
            foreach (var n in a.Nouns)
            {
                AgentByNoun.TryAdd(n.ToLowerInvariant(), a);
            }
        }

        AnaphorFirstWords = new HashSet<string>(EntityAnaphors.Keys.Select(k => k.Split(' ')[0]).Concat(AgentAnaphors.Keys), StringComparer.Ordinal);
        Classes = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        AddClass(Premodifiers, WordClass.Premodifier);
        AddClass(Roles, WordClass.Role);
        AddClass(Stopwords, WordClass.Stopword);
        AddClass(GivenNames, WordClass.GivenName);
        AddClass(AnaphorFirstWords, WordClass.AnaphorFirst);
        AddClass(WordLists.Determiners, WordClass.Determiner);
        AddClass(WordLists.PhraseFollowers, WordClass.Follower);
        AddClass(WordLists.Particles, WordClass.Particle);
        AddClass(WordLists.SpeechVerbs, WordClass.Speech);
        AddClass(WordLists.LocationPrepositions, WordClass.LocationPreposition);
        AddClass(WordLists.PlaceAdjectives, WordClass.PlaceAdjective);
        AddClass(WordLists.OrgHeads, WordClass.OrgHead);
        AddClass(WordLists.MediaHeads, WordClass.MediaHead);
        AddClass(WordLists.ArmedPrefixes, WordClass.ArmedPrefix);
        AddClass(WordLists.OrgNouns, WordClass.OrgNoun);
    }

    public IReadOnlyDictionary<string, ActorEntry> Countries { get; }

    /// <summary>Entries keyed <c>ISO/agent</c>: names for what country + agent phrases build.</summary>
    public IReadOnlyDictionary<string, ActorEntry> AgentDerived { get; }

    public IReadOnlyDictionary<string, AgentEntry> Agents { get; }

    public Dictionary<string, AgentEntry> AgentAnaphors { get; }

    /// <summary>The agent a lower-case noun belongs to ("ministry" -> the generic ministry agent).</summary>
    public Dictionary<string, AgentEntry> AgentByNoun { get; }

    /// <summary>Lower-case anaphor phrases ("extremist group", "coalition") and the entries they can refer to.</summary>
    public Dictionary<string, List<ActorEntry>> EntityAnaphors { get; }

    public Dictionary<string, WordClass> Classes { get; }

    public WordClass ClassOf(string lower) => Classes.GetValueOrDefault(lower);

    private void AddClass(IEnumerable<string> words, WordClass c)
    {
        foreach (var w in words)
        {
            Classes[w] = Classes.GetValueOrDefault(w) | c;
        }
    }

    /// <summary>First words of all anaphors, so most "the X" phrases are dismissed with one lookup.</summary>
    public HashSet<string> AnaphorFirstWords { get; }

    public HashSet<string> Premodifiers { get; }

    public HashSet<string> Roles { get; }

    public HashSet<string> Stopwords { get; }

    public HashSet<string> GivenNames { get; }

    private static HashSet<string> Lowered(Dictionary<string, HashSet<string>> lists, string name) =>
        new((lists.GetValueOrDefault(name) ?? []).Select(s => s.ToLowerInvariant()), StringComparer.Ordinal);

    private void Insert(string surface, LexKind kind, ActorEntry? entry, AgentEntry? agent, string? code)
    {
        var tokens = ActorTokenizer.Tokenize(surface);
        if (tokens.Count == 0)
        {
            return;
        }

        var caseRule = new byte[tokens.Count];
        var exact = new string[tokens.Count];
        var node = root;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            exact[i] = surface[t.Start..t.End];
            caseRule[i] = t.Is(TokenFlags.AllCaps) || (t.IsCap && exact[i].Contains('.', StringComparison.Ordinal) && exact[i].Length > 2 && char.IsUpper(exact[i][^2]))
                ? (byte)2
                : t.IsCap ? (byte)1 : (byte)0;
            node.Children ??= new Dictionary<string, TrieNode>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(t.Lower, out var next))
            {
                node.Children[t.Lower] = next = new TrieNode();
            }

            node = next;
        }

        node.Items ??= [];
        node.Items.Add(new LexItem(kind, surface, caseRule, exact) { Entry = entry, Agent = agent, Code = code });
    }

    /// <summary>
    /// The longest dictionary phrase starting at <paramref name="start"/> whose case fits the text;
    /// returns its token count (0 when none) and the fitting items.
    /// </summary>
    public int Match(string text, List<Token> tokens, int start, List<LexItem> items)
    {
        items.Clear();
        var node = root;
        var best = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            if (i > start && tokens[i].Is(TokenFlags.SpaceBefore) && tokens[i - 1].Is(TokenFlags.Hyphen))
            {
                break;
            }

            if (node.Children is null || !node.Children.TryGetValue(tokens[i].Lower, out var next))
            {
                break;
            }

            node = next;
            if (node.Items is null)
            {
                continue;
            }

            var len = i - start + 1;
            var fitting = 0;
            foreach (var item in node.Items)
            {
                if (CaseFits(text, tokens, start, item))
                {
                    if (fitting == 0)
                    {
                        items.Clear();
                    }

                    fitting++;
                    items.Add(item);
                }
            }

            if (fitting > 0)
            {
                best = len;
            }
        }

        return best;
    }

    private static bool CaseFits(string text, List<Token> tokens, int start, LexItem item)
    {
        for (var k = 0; k < item.Case.Length; k++)
        {
            var t = tokens[start + k];
            switch (item.Case[k])
            {
                case 1 when !t.IsCap:
                    return false;
                case 2 when !text.AsSpan(t.Start, t.End - t.Start).SequenceEqual(item.Exact[k]):
                    return false;
            }
        }

        return true;
    }
}
