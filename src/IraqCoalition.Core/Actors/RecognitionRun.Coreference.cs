using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Actors;

/// <summary>Passes after the main one: short names, "the X" anaphora, pronouns and appositive roles.</summary>
internal sealed partial class RecognitionRun
{
    /// <summary>"Al-Ghanimi", "al-Ghanimi" and "Ghanimi" after "Lt. Gen. Othman Al-Ghanimi" (case of the particle ignored).</summary>
    private void ResolveSurnames()
    {
        var keys = new Dictionary<string, ActorBuilder?>(StringComparer.Ordinal);
        foreach (var b in actors.Values)
        {
            foreach (var s in b.Surnames)
            {
                // Two people sharing a surname make it ambiguous: leave such mentions unresolved.
                keys[s] = keys.TryGetValue(s, out var other) && other != b ? null : b;
            }
        }

        if (keys.Count == 0)
        {
            return;
        }

        for (var i = 0; i < N; i++)
        {
            if (covered[i] || !tokens[i].IsWord)
            {
                continue;
            }

            if (i + 2 < N && tokens[i + 1].Is(TokenFlags.Hyphen) && !tokens[i + 1].Is(TokenFlags.SpaceBefore) && !tokens[i + 2].Is(TokenFlags.SpaceBefore)
                && tokens[i + 2].IsCap && keys.TryGetValue(tokens[i].Lower + " - " + tokens[i + 2].Lower, out var b3) && b3 is not null && !covered[i + 2])
            {
                AddMention(b3, i, i + 3, MentionType.Name);
                i += 2;
                continue;
            }

            if (tokens[i].IsCap && (i == 0 || !tokens[i - 1].Is(TokenFlags.Hyphen)) && keys.TryGetValue(tokens[i].Lower, out var b1) && b1 is not null)
            {
                AddMention(b1, i, i + 1, MentionType.Name);
            }
        }
    }

    private void ResolveAnaphora()
    {
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var found = new List<(ActorBuilder Actor, Span Span, MentionType Type)>();
        for (var i = 0; i < N; i++)
        {
            if (covered[i] || !tokens[i].IsWord)
            {
                continue;
            }

            var lower = tokens[i].Lower;
            if (lower == "the" && i + 1 < N && !covered[i + 1])
            {
                if (ResolveDefinite(i + 1) is { } r)
                {
                    found.Add(r);
                }

                continue;
            }

            if (lower is "he" or "she")
            {
                if (NearestPerson(tokens[i].Start, 3) is { } p)
                {
                    found.Add((p, new Span(tokens[i].Start, tokens[i].End), MentionType.Pronoun));
                }

                continue;
            }

            if (lower is "his" or "her" && i + 1 < N && tokens[i + 1].Lower == "country" && NearestPerson(tokens[i].Start, 3) is { Entity.Country: { } iso }
                && lex.Countries.TryGetValue(iso, out var country))
            {
                found.Add((ForCountry(country), new Span(tokens[i].Start, tokens[i + 1].End), MentionType.Nominal));
            }
        }

        foreach (var (actor, span, type) in found)
        {
            AddMention(actor, span, type);
        }
    }

    private (ActorBuilder, Span, MentionType)? ResolveDefinite(int k)
    {
        // Longest entity anaphor first: "extremist group" before "group".
        if (!Has(k, WordClass.AnaphorFirst))
        {
            return Has(k, WordClass.OrgHead) && NearestByHead(tokens[k].Start, tokens[k].Lower) is { } named
                ? (named, new Span(tokens[k].Start, tokens[k].End), MentionType.Nominal)
                : null;
        }

        for (var len = Math.Min(3, N - k); len >= 1; len--)
        {
            var key = len switch
            {
                1 => tokens[k].Lower,
                2 => tokens[k].Lower + " " + tokens[k + 1].Lower,
                _ => tokens[k].Lower + " " + tokens[k + 1].Lower + " " + tokens[k + 2].Lower,
            };
            if (lex.EntityAnaphors.TryGetValue(key, out var entries))
            {
                var span = new Span(tokens[k].Start, tokens[k + len - 1].End);
                var target = Nearest(span.Start, b => b.Entity.DictionaryKey is { } dk && entries.Exists(e => e.Key == dk));
                if (target is null && entries.Count == 1 && actors.Count > 0)
                {
                    // Cataphora: AP ledes say "the extremist group" before naming it.
                    target = NearestAfter(span.End, b => b.Entity.DictionaryKey == entries[0].Key);
                }

                // "the coalition" after "the Saudi-led coalition": a body named in this article with that head noun.
                target ??= NearestByHead(span.Start, tokens[k + len - 1].Lower);
                return target is null ? null : (target, span, MentionType.Nominal);
            }
        }

        if (Has(k, WordClass.OrgHead) && NearestByHead(tokens[k].Start, tokens[k].Lower) is { } byHead)
        {
            return (byHead, new Span(tokens[k].Start, tokens[k].End), MentionType.Nominal);
        }

        if (!lex.AgentAnaphors.TryGetValue(tokens[k].Lower, out var agent))
        {
            return null;
        }

        var s = new Span(tokens[k].Start, tokens[k].End);
        var word = tokens[k].Lower;
        ActorBuilder? found = agent.Kind switch
        {
            // "The government" in a report is, nearly always, the government of the country the report is about.
            // A government already named ("the Iraqi government") is the one meant; else the article's country.
            ActorKinds.Country => Nearest(s.Start, b => b.Entity.Kind == ActorKinds.Country && b.Mentions.Exists(m => m.Type == MentionType.Nominal && m.Span.Start < s.Start))
                ?? (dominantCountry is not null ? ForCountry(dominantCountry) : Nearest(s.Start, b => b.Entity.Kind == ActorKinds.Country)),
            ActorKinds.Person => Nearest(s.Start, b => b.Anonymous && b.AgentEntry is { } a && a.Anaphors.Contains(word, StringComparer.OrdinalIgnoreCase)),
            // With no antecedent, "the ministry" is a ministry of the country the article is about.
            _ => Nearest(s.Start, b => b.AgentEntry is { } a && a.Anaphors.Contains(word, StringComparer.OrdinalIgnoreCase))
                ?? (dominantCountry is not null && lex.AgentByNoun.TryGetValue(word, out var own) && own.Kind == ActorKinds.Organization
                    ? ForCountryAgent(dominantCountry, own)
                    : null),
        };
        return found is null ? null : (found, s, MentionType.Nominal);
    }

    private ActorBuilder? Nearest(int before, Func<ActorBuilder, bool> match)
    {
        for (var m = mentions.Count - 1; m >= 0; m--)
        {
            var mention = mentions[m];
            if (mention.Span.Start < before && byEntity.TryGetValue(mention.Actor, out var b) && match(b))
            {
                return b;
            }
        }

        return null;
    }

    /// <summary>The latest body built from the text (not the dictionary) whose name ends in <paramref name="head"/>.</summary>
    private ActorBuilder? NearestByHead(int before, string head) =>
        Nearest(before, b => !b.FromDictionary && b.AgentEntry is null && b.Entity.Kind is ActorKinds.Organization or ActorKinds.ArmedGroup or ActorKinds.Media
            && b.Entity.Name.EndsWith(head, StringComparison.OrdinalIgnoreCase) && b.Entity.Name.Length > head.Length
            && !char.IsLetter(b.Entity.Name[^(head.Length + 1)]));

    private ActorBuilder? NearestAfter(int after, Func<ActorBuilder, bool> match)
    {
        foreach (var mention in mentions)
        {
            if (mention.Span.Start >= after && byEntity.TryGetValue(mention.Actor, out var b) && match(b))
            {
                return b;
            }
        }

        return null;
    }

    private ActorBuilder? NearestPerson(int before, int maxSentences)
    {
        var sentence = doc.SentenceIndexAt(before);
        for (var m = mentions.Count - 1; m >= 0; m--)
        {
            var mention = mentions[m];
            if (mention.Span.Start >= before)
            {
                continue;
            }

            if (sentence >= 0 && doc.SentenceIndexAt(mention.Span.Start) is var ms && ms >= 0 && sentence - ms > maxSentences)
            {
                return null;
            }

            // A person named, or an office holder named by the office ("the Iraqi foreign minister ... he").
            if (mention.Actor.Kind == ActorKinds.Person && byEntity.TryGetValue(mention.Actor, out var b)
                && (mention.Type == MentionType.Name || (mention.Type == MentionType.Nominal && b.AgentEntry is { Definite: true })))
            {
                return b;
            }
        }

        return null;
    }


    /// <summary>
    /// Roles from appositives: "the Iraqi army chief of staff, Lt. Gen. Othman Al-Ghanimi" and
    /// "Gen. Mark Milley, the chairman of the Joint Chiefs of Staff". A country premodifying the role noun
    /// ("the top U.S. commander") gives the person's country when nothing better is known.
    /// </summary>
    private void AssignAppositiveRoles()
    {
        foreach (var b in actors.Values)
        {
            if (b.Entity.Kind != ActorKinds.Person || b.FromDictionary && b.Entity.Role is not null)
            {
                continue;
            }

            foreach (var m in b.Mentions)
            {
                if (m.Type != MentionType.Name || TokenStartingAt(m.Span.Start) is not (>= 0 and var s))
                {
                    continue;
                }

                var e = s;
                while (e < N && tokens[e].End <= m.Span.End)
                {
                    e++;
                }

                if (PostAppositive(e) is { } post)
                {
                    Apply(b, post.From, post.To, post.RoleAt, overrideRole: true);
                    break;
                }

                if (PreAppositive(s) is { } pre)
                {
                    Apply(b, pre.From, pre.To, pre.RoleAt, overrideRole: true);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// People the dictionary does not know take their country from what the text says around their name: a title
    /// ("Former Salahuddin governor X", "Turkish Defense Minister X"), an appositive ("X, a spokesman for the
    /// Turkish Defense Ministry", "X, an adviser to al-Kadhimi", "the coalition's spokesman, X") or, for officials
    /// with a title or role and nothing else said, the country the article is about. Someone who speaks for a
    /// body without a country (NATO, the U.N.) keeps none.
    /// </summary>
    private void InferPersonCountries()
    {
        ActorBuilder?[]? owners = null;
        foreach (var b in actors.Values.ToList())
        {
            // Officials of international bodies in the dictionary (agent IGO: Guterres, Stoltenberg) have no country,
            // whatever country the article is about.
            if (b.Entity.Kind != ActorKinds.Person || b.Entity.Country is not null || b.Anonymous || (b.FromDictionary && b.Entity.Agent == "IGO"))
            {
                continue;
            }

            owners ??= MentionOwners();
            string? iso = null;
            var stateless = false;
            var titled = b.Entity.Title is not null || b.Entity.Role is not null;
            foreach (var m in b.Mentions)
            {
                if (m.Type != MentionType.Name || TokenStartingAt(m.Span.Start) is not (>= 0 and var s))
                {
                    continue;
                }

                var e = s;
                while (e < N && tokens[e].End <= m.Span.End)
                {
                    e++;
                }

                var titleStart = TitleStart(s);
                for (var k = titleStart; k < s && !titled; k++)
                {
                    titled = Has(k, WordClass.Role) || Item(k, LexKind.Title) is not null;
                }

                iso = CountryIn(titleStart, s, b, owners, ref stateless)
                    ?? LeaderOf(s, b, owners, ref stateless)
                    ?? (PostAppositive(e) is { } post ? CountryIn(post.From, post.To, b, owners, ref stateless) : null)
                    ?? (PreAppositive(s) is { } pre ? CountryIn(pre.From, pre.To, b, owners, ref stateless) : null);
                if (iso is not null)
                {
                    break;
                }
            }

            // One passing mention ("praised Moscow's role") does not make a story about that country.
            if (iso is null && !stateless && titled && (datelineGivesCountry || mentionedCount >= 3))
            {
                iso = dominantCountry?.Country;
            }

            b.Entity.Country = iso;
        }
    }

    /// <summary>"The Saudi delegation was led by X", "the Iranian side was headed by X": the country of what X leads.</summary>
    private string? LeaderOf(int s, ActorBuilder self, ActorBuilder?[] owners, ref bool stateless)
    {
        if (s < 3 || tokens[s - 1].Lower != "by" || tokens[s - 2].Lower is not ("led" or "headed" or "chaired"))
        {
            return null;
        }

        var from = s - 3;
        while (from > 0 && s - from < 10 && sentenceOf[from - 1] == sentenceOf[s] && tokens[from - 1].Lower is not ("," or "while" or "and" or "but" or ";"))
        {
            from--;
        }

        return CountryIn(from, s - 2, self, owners, ref stateless);
    }

    /// <summary>
    /// "talks in Baghdad" when Iraq is an actor of the article: one actor, not a city beside its country (the city
    /// stays a place only in articles where the country itself never acts).
    /// </summary>
    private void MergeCapitalPlaces()
    {
        foreach (var b in actors.Values.ToList())
        {
            if (b.Entity.Kind != ActorKinds.Location || b.Entity.Country is not { } iso || !lex.Countries.TryGetValue(iso, out var country)
                || !string.Equals(country.Capital, b.Entity.Name, StringComparison.OrdinalIgnoreCase)
                || !actors.TryGetValue(country.Key, out var cb) || cb.Mentions.Count == 0)
            {
                continue;
            }

            foreach (var m in b.Mentions)
            {
                mentions.Remove(m);
                AddMention(cb, m.Span, MentionType.Metonym);
            }

            b.Mentions.Clear();
        }
    }

    /// <summary>For each token, the actor whose mention covers it.</summary>
    private ActorBuilder?[] MentionOwners()
    {
        var owners = new ActorBuilder?[N];
        foreach (var m in mentions)
        {
            if (m.Type == MentionType.Pronoun || !byEntity.TryGetValue(m.Actor, out var b) || TokenStartingAt(m.Span.Start) is not (>= 0 and var k))
            {
                continue;
            }

            for (; k < N && tokens[k].End <= m.Span.End; k++)
            {
                owners[k] ??= b;
            }
        }

        return owners;
    }

    /// <summary>Start of the title words before a name: capitalised words, role nouns and modifiers in the same sentence.</summary>
    private int TitleStart(int s)
    {
        var k = s;
        while (k > 0 && s - k < 6 && sentenceOf[k - 1] == sentenceOf[s])
        {
            var t = tokens[k - 1];
            var titleLike = t.IsWord
                ? t.IsCap || Has(k - 1, WordClass.Role) || Has(k - 1, WordClass.Premodifier) || Item(k - 1, LexKind.Title) is not null
                  || Item(k - 1, LexKind.Agent) is not null
                : t.Is(TokenFlags.Hyphen | TokenFlags.Possessive);
            if (!titleLike || Has(k - 1, WordClass.Determiner))
            {
                break;
            }

            k--;
        }

        return k;
    }

    private string? CountryIn(int from, int to, ActorBuilder self, ActorBuilder?[] owners, ref bool stateless)
    {
        for (var k = from; k < to; k++)
        {
            if (owners[k] is { } o && o != self)
            {
                if (o.Entity.Country is { } c)
                {
                    return c;
                }

                stateless |= o.Entity.Kind is ActorKinds.Organization;
                continue;
            }

            if (tokens[k].IsWord && tokens[k].Lower is not ("its" or "their") && CountryRef(k, out var country, out _))
            {
                return country.Country;
            }

            if (Item(k, LexKind.Sect) is not null && (mentionedCountry ?? dominantCountry) is { } local)
            {
                return local.Country;
            }
        }

        return null;
    }

    private int TokenStartingAt(int offset)
    {
        int lo = 0, hi = N - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var st = tokens[mid].Start;
            if (st == offset)
            {
                return mid;
            }

            if (st < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    private void Apply(ActorBuilder b, int from, int to, int roleAt, bool overrideRole)
    {
        if (overrideRole || b.Entity.Role is null)
        {
            b.Entity.Role = Slice(from, to);
        }

        if (b.Entity.Country is null)
        {
            for (var k = from; k < roleAt; k++)
            {
                if (CountryRef(k, out var c, out _) && tokens[k].Lower is not ("its" or "their"))
                {
                    b.Entity.Country = c.Country;
                    break;
                }
            }
        }
    }

    private (int From, int To, int RoleAt)? PostAppositive(int e)
    {
        if (e + 2 >= N || tokens[e].Lower != ",")
        {
            return null;
        }

        // ", the chairman of ..." or, without an article, ", Iran project director at ...".
        var from = tokens[e + 1].Lower is "the" or "a" or "an" ? e + 2 : e + 1;
        var roleAt = RoleWithin(from, from == e + 1 ? 4 : 6);
        if (roleAt < 0)
        {
            return null;
        }

        // Without an article the phrase must look like a role ("Iran project director"), not the next
        // clause or list item (", and Russian Ambassador Maksim Maksimov").
        if (from == e + 1 && (Has(from, WordClass.Follower) || tokens[roleAt].IsCap || Item(from, LexKind.Title) is not null))
        {
            return null;
        }

        var to = roleAt + 1;
        while (to < N && (tokens[to].IsWord || tokens[to].Is(TokenFlags.Hyphen | TokenFlags.Possessive)) && sentenceOf[to] == sentenceOf[from]
               && tokens[to].Lower is not ("who" or "which" or "said" or "told" or "and"))
        {
            to++;
        }

        return (from, to, roleAt);
    }

    private (int From, int To, int RoleAt)? PreAppositive(int s)
    {
        // Step back over a title between the comma and the name: ", Lt. Gen. Othman Al-Ghanimi".
        var c = s - 1;
        while (c >= 0 && s - c <= 4 && tokens[c].IsWord && tokens[c].IsCap)
        {
            c--;
        }

        if (c < 2 || tokens[c].Lower != ",")
        {
            return null;
        }

        var to = c;
        var k = to - 1;
        var from = -1;
        var roleAt = -1;
        for (var steps = 0; steps < 12 && k >= 0; steps++, k--)
        {
            var t = tokens[k];
            if (roleAt < 0 && t.Lower == "the" && k >= 2 && tokens[k - 1].Lower is "for" or "of" or "to" && Has(k - 2, WordClass.Role))
            {
                // "A spokesman for the Saudi-led coalition, Col. X": the role noun sits before its body.
                continue;
            }

            if (t.Lower is "the" or "his" or "her" or "its" or "their" or "a" or "an")
            {
                from = k + 1;
                break;
            }

            if (t.Is(TokenFlags.Possessive))
            {
                // "Iran's most powerful military commander": the role starts at the possessor ("Saudi Arabia's").
                from = k - 1;
                for (var j = Math.Max(0, k - 4); j < k; j++)
                {
                    if (hitLen[j] > 0 && j + hitLen[j] == k)
                    {
                        from = j;
                        break;
                    }
                }

                break;
            }

            if (!t.IsWord && !t.Is(TokenFlags.Hyphen))
            {
                break;
            }

            if (Has(k, WordClass.Role) && roleAt < 0)
            {
                roleAt = k;
            }
        }

        if (from < 0 || roleAt < 0 || from >= to)
        {
            return null;
        }

        return (from, to, roleAt);
    }
}
