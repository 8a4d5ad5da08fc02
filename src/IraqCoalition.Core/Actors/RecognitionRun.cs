using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Actors;

/// <summary>The per-article state of <see cref="ActorRecognizer"/>; one instance reads one document.</summary>
internal sealed partial class RecognitionRun
{
    private readonly string text;
    private readonly TextDocument doc;
    private readonly Lexicon lex;
    private readonly List<Token> tokens;
    private readonly int[] hitLen;
    private readonly List<LexItem>?[] hitItems;
    private readonly bool[] sentenceStart;
    private readonly int[] sentenceOf;
    private readonly bool[] covered;
    private readonly WordClass[] classes;
    private readonly Dictionary<string, ActorBuilder> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<ActorEntity, ActorBuilder> byEntity = [];
    private readonly List<ActorMention> mentions = [];
    private ActorEntry? dominantCountry;
    private ActorEntry? mentionedCountry;
    private int mentionedCount;
    private bool datelineGivesCountry;
    private ActorEntry? lastCountry;
    private int anonymousCount;

    public RecognitionRun(TextDocument doc, Lexicon lex)
    {
        this.doc = doc;
        text = doc.Text;
        this.lex = lex;
        tokens = ActorTokenizer.Tokenize(text);
        var n = tokens.Count;
        hitLen = new int[n];
        hitItems = new List<LexItem>?[n];
        sentenceStart = new bool[n];
        sentenceOf = new int[n];
        covered = new bool[n];
        classes = new WordClass[n];
        var scratch = new List<LexItem>(4);
        for (var i = 0; i < n; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            classes[i] = lex.ClassOf(tokens[i].Lower);
            var len = lex.Match(text, tokens, i, scratch);
            if (len > 0)
            {
                hitLen[i] = len;
                hitItems[i] = [.. scratch];
            }
        }

        var s = 0;
        for (var i = 0; i < n; i++)
        {
            while (s < doc.Sentences.Count && doc.Sentences[s].End <= tokens[i].Start)
            {
                s++;
            }

            sentenceOf[i] = s;
            sentenceStart[i] = i == 0 || sentenceOf[i - 1] != s || (s < doc.Sentences.Count && doc.Sentences[s].Start == tokens[i].Start);
        }
    }

    public ActorAnalysis Execute()
    {
        // The country an article is "about" for unowned local actors ("security forces", "the ministry"):
        // the dateline's country when there is one, else the most mentioned country.
        // A foreign bureau's dateline ("DUBAI, United Arab Emirates") says where the reporter sat, not what the
        // story is about: a "CITY, Country" dateline counts only when the body mentions that country too.
        mentionedCountry = FindDominantCountry();
        var dateline = DatelineCountry();
        datelineGivesCountry = dateline is not null && (!DatelineNamesCountry() || MentionedAfterDateline(dateline));
        dominantCountry = datelineGivesCountry ? dateline : mentionedCountry;
        MainPass();
        ResolveSurnames();
        YieldBareSurnames();
        ResolveAnaphora();
        AssignAppositiveRoles();
        MergeCapitalPlaces();
        InferPersonCountries();
        return Build();
    }

    private int N => tokens.Count;

    private string Slice(int from, int to) => text[tokens[from].Start..tokens[to - 1].End];

    private LexItem? Item(int i, LexKind kind)
    {
        // Rules look ahead freely; past the last token there is simply nothing.
        var items = (uint)i < (uint)N ? hitItems[i] : null;
        if (items is null)
        {
            return null;
        }

        foreach (var it in items)
        {
            if (it.Kind == kind)
            {
                return it;
            }
        }

        return null;
    }

    private LexItem? EntityItem(int i, string? kind = null)
    {
        var items = (uint)i < (uint)N ? hitItems[i] : null;
        if (items is null)
        {
            return null;
        }

        foreach (var it in items)
        {
            if (it.Kind == LexKind.Entity && (kind is null || it.Entry!.Kind == kind))
            {
                return it;
            }
        }

        return null;
    }

    private ActorEntry? DatelineCountry()
    {
        if (N == 0 || !IsDateline(0))
        {
            return null;
        }

        var end = SkipDateline(0);
        for (var k = 0; k < end; k++)
        {
            if (hitItems[k] is { } items && CountryOfDatelineItem(items) is { } c)
            {
                return c;
            }
        }

        return null;
    }

    private bool DatelineNamesCountry() => N > 1 && tokens[1].Lower == "," && SkipDateline(0) > 2;

    private bool MentionedAfterDateline(ActorEntry country)
    {
        for (var k = SkipDateline(0); k < N; k++)
        {
            if (hitItems[k] is { } items && CountryOfDatelineItem(items) == country)
            {
                return true;
            }
        }

        return false;
    }

    private ActorEntry? CountryOfDatelineItem(List<LexItem> items)
    {
        foreach (var it in items)
        {
            if (it.Kind is LexKind.Demonym or LexKind.People)
            {
                return it.Entry;
            }

            if (it.Kind == LexKind.Capital || (it.Kind == LexKind.Entity && it.Entry!.Kind == ActorKinds.Country))
            {
                return it.Entry;
            }

            if (it.Kind == LexKind.Entity && it.Entry!.Country is { } iso && lex.Countries.TryGetValue(iso, out var c))
            {
                return c;
            }
        }

        return null;
    }

    private ActorEntry? FindDominantCountry()
    {
        var counts = new Dictionary<ActorEntry, int>();
        for (var i = N > 0 && IsDateline(0) ? SkipDateline(0) : 0; i < N; i++)
        {
            var items = hitItems[i];
            if (items is null)
            {
                continue;
            }

            foreach (var it in items)
            {
                if (it.Kind is LexKind.Demonym or LexKind.People or LexKind.Capital
                    || (it.Kind == LexKind.Entity && it.Entry!.Kind == ActorKinds.Country))
                {
                    counts[it.Entry!] = counts.GetValueOrDefault(it.Entry!) + 1;
                    break;
                }

                // Its people, places and bodies say what an article is about as much as the country's name.
                if (it.Kind == LexKind.Entity && (it.Entry!.Country ?? it.Entry.CountryAgent?.Country) is { } iso && lex.Countries.TryGetValue(iso, out var c))
                {
                    counts[c] = counts.GetValueOrDefault(c) + 1;
                    break;
                }
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var top = counts.MaxBy(kv => kv.Value);
        mentionedCount = top.Value;
        return top.Key;
    }

    private void MainPass()
    {
        var i = 0;
        while (i < N)
        {
            // Most tokens are lower-case words that no rule can start from: one test skips them all.
            if (covered[i] || !tokens[i].IsWord
                || (hitItems[i] is null && classes[i] == WordClass.None && !tokens[i].IsCap && tokens[i].Lower is not ("its" or "their")))
            {
                i++;
                continue;
            }

            if (IsDateline(i))
            {
                i = SkipDateline(i);
                continue;
            }

            var next = TryMission(i);
            if (next < 0)
            {
                next = TryTitledPerson(i);
            }

            if (next < 0)
            {
                next = TryCountryAgent(i);
            }

            if (next < 0)
            {
                next = TryCapitalisedName(i);
            }

            if (next < 0)
            {
                next = TryDictionaryHit(i);
            }

            if (next < 0)
            {
                next = TryStandaloneAgent(i);
            }

            i = next > i ? next : i + 1;
        }
    }

    // ---- building actors and mentions ----

    private ActorBuilder GetOrAdd(string identity, Func<ActorEntity> create, bool fromDictionary = false)
    {
        if (!actors.TryGetValue(identity, out var b))
        {
            b = new ActorBuilder(create(), fromDictionary);
            actors[identity] = b;
            byEntity[b.Entity] = b;
        }

        return b;
    }

    private ActorBuilder ForEntry(ActorEntry e)
    {
        var isNew = !actors.ContainsKey(e.Key);
        var b = GetOrAdd(e.Key, () => new ActorEntity
        {
            Id = "",
            Name = e.Name,
            Kind = e.Kind,
            Country = e.Country ?? e.CountryAgent?.Country,
            Title = e.Title,
            Role = e.Role,
            Agent = e.Agent,
            DictionaryKey = e.Key,
        }, fromDictionary: true);
        if (isNew && e.Kind == ActorKinds.Person)
        {
            // A curated person's surname refers to them within the article even when it is not an alias.
            var nameTokens = ActorTokenizer.Tokenize(e.Name);
            if (nameTokens.Count >= 2 && nameTokens[^1].IsCap)
            {
                b.Surnames.Add(nameTokens[^1].Lower);
                if (nameTokens.Count >= 3 && nameTokens[^2].Is(TokenFlags.Hyphen))
                {
                    b.Surnames.Add(nameTokens[^3].Lower + " - " + nameTokens[^1].Lower);
                }
            }
        }

        return b;
    }

    private ActorBuilder ForCountry(ActorEntry country) => ForEntry(country);

    private void AddMention(ActorBuilder b, int from, int to, MentionType type)
    {
        var span = new Span(tokens[from].Start, tokens[to - 1].End);
        AddMention(b, span, type);
        for (var k = from; k < to; k++)
        {
            covered[k] = true;
        }
    }

    private void AddMention(ActorBuilder b, Span span, MentionType type)
    {
        var surface = span.Slice(text);
        var m = new ActorMention(span, surface, b.Entity, type);
        mentions.Add(m);
        b.Mentions.Add(m);
        if (type != MentionType.Pronoun && !b.Entity.Aliases.Contains(surface, StringComparer.Ordinal))
        {
            b.Entity.Aliases.Add(surface);
        }

        if (b.Entity.Kind == ActorKinds.Country && b.Entity.Country is not null && lex.Countries.TryGetValue(b.Entity.Country, out var c))
        {
            lastCountry = c;
        }
    }

    private ActorAnalysis Build()
    {
        var ordered = new List<(int First, ActorBuilder Builder)>(actors.Count);
        foreach (var b in actors.Values)
        {
            if (b.Mentions.Count == 0)
            {
                continue;
            }

            b.Mentions.Sort(static (x, y) => x.Span.Start.CompareTo(y.Span.Start));
            ordered.Add((b.Mentions[0].Span.Start, b));
        }

        ordered.Sort(static (x, y) => x.First.CompareTo(y.First));
        var list = new List<ActorEntity>(ordered.Count);
        var n = 0;
        foreach (var (_, b) in ordered)
        {
            b.Entity.Id = "a" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            b.Entity.Aliases.Remove(b.Entity.Name);
            b.Entity.Mentions.AddRange(b.Mentions);
            list.Add(b.Entity);
        }

        return new ActorAnalysis(list, mentions);
    }

    internal sealed class ActorBuilder(ActorEntity entity, bool fromDictionary)
    {
        public ActorEntity Entity { get; } = entity;
        public bool FromDictionary { get; } = fromDictionary;
        public List<ActorMention> Mentions { get; } = [];

        /// <summary>Lower-case token keys of the surname ("al - ghanimi", "ghanimi") for later short mentions.</summary>
        public List<string> Surnames { get; } = [];

        /// <summary>The agent entry for country + agent actors, so "the ministry" can find them.</summary>
        public AgentEntry? AgentEntry { get; set; }

        public bool Anonymous { get; set; }
    }
}
