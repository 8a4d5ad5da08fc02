using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Actors;

/// <summary>The phrase patterns of the main left-to-right pass.</summary>
internal sealed partial class RecognitionRun
{
    private static readonly string[][] OrgPrefixes =
    [
        ["task", "force"], ["ministry", "of"], ["council", "of"], ["department", "of"], ["bank", "of"], ["university", "of"],
        ["office", "of"], ["league", "of"], ["army", "of"], ["court", "of"],
    ];

    private static readonly string[][] LocationHeads =
    [
        ["air", "base"], ["airbase"], ["airport"], ["international", "airport"], ["province"], ["governorate"], ["district"],
        ["base"], ["military", "base"], ["camp"], ["border", "crossing"], ["oil", "field"], ["refinery"], ["square"], ["street"],
        ["bridge"], ["mosque"], ["shrine"],
    ];

    private bool IsPremodifier(int k) => k < N && tokens[k].IsWord && Has(k, WordClass.Premodifier);

    private bool IsStopword(int k) => Has(k, WordClass.Stopword);

    private bool Has(int k, WordClass c) => (uint)k < (uint)N && (classes[k] & c) != 0;

    private bool IsPhraseEnd(int k)
    {
        if (k >= N)
        {
            return true;
        }

        var t = tokens[k];
        if (!t.IsWord)
        {
            return !t.Is(TokenFlags.Hyphen) || t.Is(TokenFlags.SpaceBefore);
        }

        return t.IsCap || t.Is(TokenFlags.Number) || Has(k, WordClass.Follower) || t.Lower.EndsWith("ed", StringComparison.Ordinal);
    }

    /// <summary>A demonym, a country name (with its possessive) or "its"/"their" for the last country mentioned.</summary>
    private bool CountryRef(int k, out ActorEntry country, out int next)
    {
        country = null!;
        next = k;
        if (k >= N || !tokens[k].IsWord)
        {
            return false;
        }

        if (tokens[k].Lower is "its" or "their")
        {
            if (lastCountry is null)
            {
                return false;
            }

            country = lastCountry;
            next = k + 1;
            return true;
        }

        if (Item(k, LexKind.Demonym) is { } d)
        {
            country = d.Entry!;
            next = k + hitLen[k];
            return true;
        }

        if (EntityItem(k, ActorKinds.Country) is { } e)
        {
            country = e.Entry!;
            next = k + hitLen[k];
            if (next < N && tokens[next].Is(TokenFlags.Possessive))
            {
                next++;
            }

            return true;
        }

        return false;
    }

    private bool IsDateline(int i)
    {
        var start = tokens[i].Start;
        if (!tokens[i].Is(TokenFlags.AllCaps) || (start > 0 && text[start - 1] != '\n'))
        {
            return false;
        }

        // "BAGHDAD —", "ANKARA, Turkey (AP) —", "DUBAI, United Arab Emirates (AP) —": capitalised words, commas and
        // parentheses up to the dash, all on the first line.
        var shaped = true;
        for (var k = i + 1; k < Math.Min(N, i + 12); k++)
        {
            if (text[tokens[k].Start] is '\u2014' or '\u2013' || (tokens[k].Is(TokenFlags.Hyphen) && tokens[k].Is(TokenFlags.SpaceBefore)))
            {
                return k < i + 5 || (shaped && text.IndexOf('\n', tokens[i].Start, tokens[k].Start - tokens[i].Start) < 0);
            }

            shaped &= tokens[k].IsWord ? tokens[k].IsCap : text[tokens[k].Start] is ',' or '(' or ')' or '.';
        }

        return false;
    }

    private int SkipDateline(int i)
    {
        var k = i;
        while (k < N && !(text[tokens[k].Start] is '\u2014' or '\u2013' || tokens[k].Is(TokenFlags.Hyphen)))
        {
            k++;
        }

        return k + 1;
    }

    /// <summary>"Russian Ambassador Maksim Maksimov", "then caretaker Prime Minister Adel Abdul-Mahdi", "militia leader X".</summary>
    private int TryTitledPerson(int i)
    {
        var k = i;
        if (tokens[k].Lower == "the")
        {
            k++;
        }

        var phraseStart = k;
        ActorEntry? country = null;
        ActorEntry? affiliation = null;
        int countryAt = -1, countryNameAt = -1, affiliationAt = -1, affiliationAgentAt = -1;
        AgentEntry? affiliationAgent = null;
        for (var steps = 0; steps < 6 && k < N; steps++)
        {
            if (IsPremodifier(k) && Item(k, LexKind.Title) is null)
            {
                k++;
            }
            else if (Item(k, LexKind.Sect) is { } sect)
            {
                // "Kurdish lawmaker X", "Shiite cleric X": a community, and the article's country.
                country ??= dominantCountry;
                k += hitLen[k];
            }
            else if (country is null && CountryRef(k, out var c, out var nx) && tokens[k].Lower is not ("its" or "their"))
            {
                country = c;
                countryAt = k;
                if (EntityItem(k, ActorKinds.Country) is not null)
                {
                    countryNameAt = k;
                }

                k = nx;
            }
            else if (country is not null && affiliationAgent is null && Item(k, LexKind.Agent) is { Agent.Kind: ActorKinds.Organization } ag
                     && k + hitLen[k] < N && tokens[k + hitLen[k]].IsWord && !tokens[k + hitLen[k]].IsCap)
            {
                // "Iraqi military spokesman Yehia Rasool", "Russian Foreign Ministry spokeswoman Maria Zakharova".
                affiliationAgent = ag.Agent;
                affiliationAgentAt = k;
                k += hitLen[k];
            }
            else if (affiliation is null && country is null && EntityItem(k) is { Entry.Kind: not ActorKinds.Person and not ActorKinds.Location } org
                     && k + hitLen[k] < N && tokens[k + hitLen[k]].IsWord)
            {
                // "State Department spokeswoman Morgan Ortagus", "Hezbollah leader Hassan Nasrallah".
                affiliation = org.Entry;
                affiliationAt = k;
                k += hitLen[k];
            }
            else
            {
                break;
            }
        }

        var titleStart = k;
        string? code = null;
        while (k < N && Item(k, LexKind.Title) is { } t)
        {
            code ??= t.Code;
            k += hitLen[k];
        }

        var titleEnd = k;
        if (titleEnd == titleStart && country is null && affiliation is null && phraseStart == titleStart)
        {
            // Without a title, only a country, an affiliation or a modifier can open a role-noun title.
            return -1;
        }

        if (titleEnd == titleStart)
        {
            // A lower-case role noun right before a capitalised name works as a title: "militia leader Abu Mahdi".
            var m = k;
            var lastRole = -1;
            for (var steps = 0; steps < 4 && m < N && tokens[m].IsWord && !tokens[m].IsCap; steps++)
            {
                if (Has(m, WordClass.Role))
                {
                    lastRole = m;
                }
                else if (Has(m, WordClass.Follower))
                {
                    break;
                }

                m++;
            }

            if (lastRole < 0 || lastRole != m - 1 || (country is null && affiliation is null && phraseStart == titleStart))
            {
                return -1;
            }

            k = m;
        }

        if (k >= N || !tokens[k].IsCap || (affiliation is not null && titleEnd == titleStart && k == titleStart))
        {
            return -1;
        }

        if (affiliation is not null && country is null && (affiliation.Country ?? affiliation.CountryAgent?.Country) is { } affIso && lex.Countries.TryGetValue(affIso, out var affCountry))
        {
            country = affCountry;
        }

        ActorBuilder b;
        int nameEnd;
        if (EntityItem(k, ActorKinds.Person) is { } person)
        {
            nameEnd = k + hitLen[k];
            b = ForEntry(person.Entry!);
        }
        else
        {
            if (hitItems[k] is not null && Item(k, LexKind.Title) is null)
            {
                return -1;
            }

            nameEnd = ReadPersonName(k);
            if (nameEnd <= k)
            {
                return -1;
            }

            var name = Slice(k, nameEnd);
            b = GetOrAdd("person:" + name.ToLowerInvariant(), () => new ActorEntity { Id = "", Name = name, Kind = ActorKinds.Person });
            RegisterSurname(b, k, nameEnd);
        }

        var e = b.Entity;
        if (titleEnd > titleStart)
        {
            e.Title ??= Slice(titleStart, titleEnd);
            e.Agent ??= code;
        }

        e.Country ??= country?.Country;
        if (e.Role is null && titleEnd > titleStart && phraseStart < titleStart)
        {
            e.Role = Slice(phraseStart, titleEnd);
        }
        else if (e.Role is null && titleEnd == titleStart && k > titleStart)
        {
            e.Role = Slice(phraseStart, k);
        }

        if (affiliationAgentAt >= 0 && affiliationAgent is not null && country is not null)
        {
            var from = countryAt >= 0 && countryAt + 3 >= affiliationAgentAt ? countryAt : affiliationAgentAt;
            AddMention(ForCountryAgent(country, affiliationAgent), from, affiliationAgentAt + hitLen[affiliationAgentAt], MentionType.Name);
            countryNameAt = -1;
        }

        if (countryNameAt >= 0 && country is not null)
        {
            AddMention(ForCountry(country), countryNameAt, countryNameAt + hitLen[countryNameAt], MentionType.Name);
        }

        if (affiliationAt >= 0 && affiliation is not null)
        {
            AddMention(ForDictionaryEntry(affiliation), affiliationAt, affiliationAt + hitLen[affiliationAt], MentionType.Name);
        }

        AddMention(b, k, nameEnd, MentionType.Name);
        return nameEnd;
    }

    /// <summary>Capitalised name tokens with Arabic particles and hyphens; ends on a capitalised word.</summary>
    private int ReadPersonName(int k)
    {
        var start = k;
        var lastGood = k;
        var words = 0;
        while (k < N && words < 6)
        {
            var t = tokens[k];
            if (t.IsWord && t.IsCap && !t.Is(TokenFlags.AllCaps | TokenFlags.Number) && !(k > start && t.Is(TokenFlags.SpaceBefore) && hitItems[k] is { } items && items.Exists(x => x.Kind == LexKind.Entity && x.Entry!.Kind != ActorKinds.Person)))
            {
                if (IsStopword(k))
                {
                    break;
                }

                k++;
                words++;
                lastGood = k;
                continue;
            }

            if (t.IsWord && Has(k, WordClass.Particle) && k + 1 < N && (tokens[k + 1].IsCap || tokens[k + 1].Is(TokenFlags.Hyphen)))
            {
                k++;
                continue;
            }

            if (t.Is(TokenFlags.Hyphen) && !t.Is(TokenFlags.SpaceBefore) && k > start && k + 1 < N && !tokens[k + 1].Is(TokenFlags.SpaceBefore) && tokens[k + 1].IsWord)
            {
                k++;
                continue;
            }

            break;
        }

        return words == 0 ? start : lastGood;
    }

    private void RegisterSurname(ActorBuilder b, int from, int to)
    {
        var last = to - 1;
        if (last <= from || b.Surnames.Count > 0)
        {
            return;
        }

        b.Surnames.Add(tokens[last].Lower);
        if (last - 2 >= from && tokens[last - 1].Is(TokenFlags.Hyphen))
        {
            b.Surnames.Add(tokens[last - 2].Lower + " - " + tokens[last].Lower);
        }
    }

    /// <summary>
    /// Country (or sect) + agent noun: "Iraqi military", "Iraq's parliament", "its armed forces",
    /// "a senior Iraqi military intelligence official", "powerful Shiite parties", "the Iraqi government".
    /// </summary>
    private int TryCountryAgent(int i)
    {
        var k = i;
        string? det = null;
        if (Has(k, WordClass.Determiner))
        {
            det = tokens[k].Lower;
            k++;
        }

        var premodStart = k;
        while (IsPremodifier(k) && Item(k, LexKind.Agent) is null)
        {
            k++;
        }

        var countryStart = k;
        ActorEntry? country = null;
        var sects = 0;
        var mixed = false;
        var backed = false;
        while (k < N)
        {
            if (CountryRef(k, out var c, out var nx) && nx + 1 < N && tokens[nx].Is(TokenFlags.Hyphen) && !tokens[nx].Is(TokenFlags.SpaceBefore)
                && tokens[nx + 1].Lower is "backed" or "allied" or "aligned" or "supported" or "funded" or "sponsored" or "based")
            {
                // "Iran-backed militias" are not Iran's: the sponsor is a modifier; the article's country owns them.
                backed = true;
                k = nx + 2;
            }
            else if (CountryRef(k, out c, out nx))
            {
                mixed |= country is not null && c != country;
                country ??= c;
                k = nx;
            }
            else if (Item(k, LexKind.Sect) is not null)
            {
                sects++;
                k += hitLen[k];
            }
            else
            {
                break;
            }

            if (k + 1 < N && tokens[k].Lower is "and" or "," && (CountryRef(k + 1, out _, out _) || Item(k + 1, LexKind.Sect) is not null))
            {
                k++;
                continue;
            }

            break;
        }

        ActorEntry? affiliation = null;
        if (backed && country is null && sects == 0)
        {
            sects = 1;
        }

        var affiliationAt = -1;
        if (country is null && sects == 0 && EntityItem(k) is { Entry.Kind: ActorKinds.Organization or ActorKinds.ArmedGroup } org)
        {
            // "a senior State Department official", "Pentagon officials": people of an organisation.
            affiliation = org.Entry;
            affiliationAt = k;
            k += hitLen[k];
        }
        else if (country is null && sects == 0)
        {
            return -1;
        }

        AgentEntry? agent = null;
        var headEnd = -1;
        var headStart = -1;
        AgentEntry? orgAgent = null;
        var orgEnd = -1;
        for (var steps = 0; steps < 5 && k < N; steps++)
        {
            if (Item(k, LexKind.Agent) is { } a)
            {
                agent = a.Agent!;
                headStart = k;
                headEnd = k + hitLen[k];
                if (agent.Kind == ActorKinds.Organization && orgAgent is null)
                {
                    (orgAgent, orgEnd) = (agent, headEnd);
                }

                k = headEnd;
                continue;
            }

            if (IsPremodifier(k) && !tokens[k].IsCap)
            {
                k++;
                continue;
            }

            break;
        }

        if (agent is null || EntityItem(countryStart) is { } whole && countryStart + hitLen[countryStart] >= headEnd && whole.Entry!.Kind != ActorKinds.Country)
        {
            return -1;
        }

        var headText = text[tokens[headStart].Start..tokens[headEnd - 1].End].ToLowerInvariant();
        if (agent.Attributive.Contains(headText, StringComparer.OrdinalIgnoreCase) && !IsPhraseEnd(headEnd))
        {
            return -1;
        }

        if (affiliation is not null && agent.Kind is not (ActorKinds.Person or ActorKinds.Group))
        {
            return -1;
        }

        if (affiliation is not null)
        {
            // The organisation is mentioned inside the phrase about its people; the nested mention keeps it an actor.
            var ab = ForDictionaryEntry(affiliation);
            AddMention(ab, new Span(tokens[affiliationAt].Start, tokens[affiliationAt + hitLen[affiliationAt] - 1].End), MentionType.Name);
        }

        // People of a body without a country (NATO, the U.N.) have none; "Saudi and Iranian officials" have no single one.
        var iso = mixed ? null
            : affiliation is not null ? affiliation.Country ?? affiliation.CountryAgent?.Country
            : country?.Country ?? dominantCountry?.Country;
        switch (agent.Kind)
        {
            case ActorKinds.Country:
                if (country is null)
                {
                    return -1;
                }

                AddMention(ForCountry(country), countryStart, headEnd, MentionType.Nominal);
                return headEnd;

            case ActorKinds.Organization:
                {
                    if (country is null)
                    {
                        return -1;
                    }

                    var b = ForCountryAgent(country, agent);
                    AddMention(b, countryStart, headEnd, MentionType.Name);
                    return headEnd;
                }

            case ActorKinds.Person:
                {
                    // "An Iraqi military spokesman, Brig. Gen. Yehia Rasool": an appositive, not an anonymous source.
                    if (headEnd + 1 < N && tokens[headEnd].Lower == "," && tokens[headEnd + 1].IsCap && !IsStopword(headEnd + 1))
                    {
                        return -1;
                    }

                    if (det is not ("a" or "an" or "one") && agent.Definite && country is not null && !mixed && affiliation is null && !NamedAfterOffice(headEnd))
                    {
                        // "Iran's ambassador", "the Iraqi foreign minister": the holder of that office, one actor per country and office.
                        var office = text[tokens[headStart].Start..tokens[headEnd - 1].End];
                        var holder = GetOrAdd($"office:{country.Country}:{office.ToLowerInvariant()}", () => new ActorEntity
                        {
                            Id = "",
                            Name = Slice(countryStart, headEnd),
                            Kind = ActorKinds.Person,
                            Country = country.Country,
                            Agent = agent.Code,
                            Role = office.ToLowerInvariant(),
                        });
                        holder.AgentEntry = agent;
                        AddGroupMention(holder, premodStart, countryStart, headEnd);
                        return headEnd;
                    }

                    if (det is not ("a" or "an" or "one"))
                    {
                        // "the Iraqi Foreign Ministry spokesman": not anonymous, but the ministry is still named.
                        if (orgAgent is not null && country is not null)
                        {
                            AddMention(ForCountryAgent(country, orgAgent), countryStart, orgEnd, MentionType.Name);
                            return orgEnd;
                        }

                        return -1;
                    }

                    var name = Slice(countryStart, headEnd);
                    var b = GetOrAdd("anon:" + (++anonymousCount).ToString(System.Globalization.CultureInfo.InvariantCulture), () => new ActorEntity
                    {
                        Id = "",
                        Name = name,
                        Kind = ActorKinds.Person,
                        Country = iso,
                        Agent = agent.Code,
                        Role = "anonymous source",
                    });
                    b.AgentEntry = agent;
                    b.Anonymous = true;
                    AddGroupMention(b, premodStart, countryStart, headEnd);
                    return headEnd;
                }

            default:
                {
                    var name = Slice(countryStart, headEnd);
                    var b = GetOrAdd("group:" + Slice(countryStart, headEnd).ToLowerInvariant(), () => new ActorEntity
                    {
                        Id = "",
                        Name = name,
                        Kind = agent.Kind,
                        Country = iso,
                        Agent = agent.Code,
                    });
                    b.AgentEntry = agent;
                    AddGroupMention(b, premodStart, countryStart, headEnd);
                    return headEnd;
                }
        }
    }

    /// <summary>The mention starts at the country or sect ("Iraqi military officials"); the form with its modifiers
    /// ("Senior Iraqi military officials") is kept as an alias.</summary>
    /// <summary>"Iraq's ambassador to Washington, Fareed Yasseen": the office introduces a name, which the name rules take.</summary>
    private bool NamedAfterOffice(int headEnd)
    {
        var k = headEnd;
        if (k < N && tokens[k].Lower is "to" or "in" or "at")
        {
            k++;
            while (k < N && k - headEnd < 6 && (tokens[k].IsCap || tokens[k].Lower is "the" or "." or "-"))
            {
                k++;
            }
        }

        return k + 1 < N && tokens[k].Lower == "," && tokens[k + 1].IsCap && !IsStopword(k + 1);
    }

    private void AddGroupMention(ActorBuilder b, int premodStart, int countryStart, int headEnd)
    {
        AddMention(b, countryStart, headEnd, MentionType.Nominal);
        if (premodStart < countryStart)
        {
            var full = Slice(premodStart, headEnd);
            if (!b.Entity.Aliases.Contains(full, StringComparer.Ordinal))
            {
                b.Entity.Aliases.Add(full);
            }

            for (var k = premodStart; k < countryStart; k++)
            {
                covered[k] = true;
            }
        }
    }

    private ActorBuilder ForCountryAgent(ActorEntry country, AgentEntry agent)
    {
        var identity = country.Country + "/" + agent.Key;
        ActorBuilder b;
        if (lex.AgentDerived.TryGetValue(identity, out var entry))
        {
            b = ForEntry(entry);
        }
        else
        {
            var adjective = country.Demonyms.Count > 0 ? country.Demonyms[0] : country.Name;
            b = GetOrAdd(identity, () => new ActorEntity
            {
                Id = "",
                Name = adjective + " " + agent.Name,
                Kind = ActorKinds.Organization,
                Country = country.Country,
                Agent = agent.Code,
            });
        }

        b.AgentEntry = agent;
        return b;
    }

    /// <summary>Names not in the dictionary: "Task Force Iraq", "Anbar province", "John Smith said".</summary>
    private int TryCapitalisedName(int i)
    {
        if (!tokens[i].IsCap || IsStopword(i) || Has(i, WordClass.Determiner))
        {
            return -1;
        }

        var end = ReadCapitalRun(i);
        if (end <= i)
        {
            return -1;
        }

        var headLen = MatchSequence(end, LocationHeads);
        if (headLen > 0 && !(end + headLen < N && tokens[end + headLen].IsWord && !tokens[end + headLen].IsCap && !IsPhraseEnd(end + headLen)))
        {
            var phraseEnd = end + headLen;
            if (hitLen[i] >= phraseEnd - i || (hitLen[i] == end - i && (Item(i, LexKind.Demonym) is not null || EntityItem(i, ActorKinds.Country) is not null)))
            {
                // A dictionary place, or "an Iraqi base" / "the U.S. base": a description, not a name.
                return -1;
            }

            var iso = CountryInside(i, end);
            var name = Slice(i, phraseEnd);
            var b = GetOrAdd("loc:" + name.ToLowerInvariant(), () => new ActorEntity { Id = "", Name = name, Kind = ActorKinds.Location, Country = iso });
            AddMention(b, i, phraseEnd, MentionType.Name);
            return phraseEnd;
        }

        var runLen = end - i;
        if (hitLen[i] >= runLen)
        {
            return -1;
        }

        if (CountWords(i, end) >= 2 && (MatchSequence(end - 1, LocationHeads) == 1 || (end - 2 > i && MatchSequence(end - 2, LocationHeads) == 2)))
        {
            // "Tahrir Square", "Baghdad International Airport", "Camp Taji" style names with the head inside.
            var name = Slice(i, end);
            var b = GetOrAdd("loc:" + name.ToLowerInvariant(), () => new ActorEntity { Id = "", Name = name, Kind = ActorKinds.Location, Country = CountryInside(i, end) });
            AddMention(b, i, end, MentionType.Name);
            return end;
        }

        var words = CountWords(i, end);
        if (words >= 2 && Has(i, WordClass.ArmedPrefix) && !AnyHit(i, end))
        {
            // "Kataib al-Nasr": a militia name; local unless something says otherwise.
            return AddUnknownBody(i, end, end, ActorKinds.ArmedGroup, mentionedCountry);
        }

        if (end < N && Has(end, WordClass.MediaHead) && !tokens[end].IsCap && !AnyHit(i, end))
        {
            // "Al-Masirah television channel": the broadcaster, named with its medium.
            var headEnd = end;
            while (headEnd < N && Has(headEnd, WordClass.MediaHead) && !tokens[headEnd].IsCap)
            {
                headEnd++;
            }

            return AddUnknownBody(i, end, headEnd, ActorKinds.Media, dominantCountry);
        }

        var isOrg = (words >= 2 && (Has(end - 1, WordClass.OrgHead) || HeadBeforeComplement(i, end))) || (words >= 2 && MatchSequence(i, OrgPrefixes) > 0);
        if (isOrg)
        {
            // "National Iranian Gas Co.": the abbreviation's period belongs to the name.
            var nameEnd = end < N && tokens[end].Lower == "." && !tokens[end].Is(TokenFlags.SpaceBefore) && tokens[end - 1].Lower is "co" or "corp" or "inc" or "ltd"
                ? end + 1
                : end;
            return AddUnknownBody(i, nameEnd, nameEnd, ActorKinds.Organization, IsInternational(i, end) ? null : dominantCountry);
        }

        if (words == 1 && !AnyHit(i, end) && !sentenceStart[i] && i > 0
            && (Has(i - 1, WordClass.OrgNoun) || (tokens[i - 1].Lower is "a" or "an" && Has(end, WordClass.Role))))
        {
            // "state oil giant Aramco", "An Aramco spokesman": a company or body that the dictionary does not know.
            return AddUnknownBody(i, end, end, ActorKinds.Organization, dominantCountry);
        }

        if (words <= 3 && !AnyHit(i, end) && i > 1 && tokens[i - 1].Lower == "," && Has(i - 2, WordClass.OrgNoun)
            && end < N && tokens[end].Lower == ",")
        {
            // "The vessel's Swedish owner, Stena Bulk, said": a company named in apposition to what it is.
            return AddUnknownBody(i, end, end, ActorKinds.Organization, dominantCountry);
        }

        if (words < 2 || words > 4 || AnyHit(i, end))
        {
            return -1;
        }

        // A common given name opening the run is cue enough ("Hamid Karimzadeh criticised ..."); otherwise the
        // name needs a speech verb or a role appositive beside it.
        var cue = Has(i, WordClass.GivenName)
            || (i > 0 && tokens[i - 1].Lower == "," && PreAppositive(i) is not null)
            || (end < N && Has(end, WordClass.Speech))
            || (i > 0 && Has(i - 1, WordClass.Speech))
            || (end + 1 < N && tokens[end].Lower == "," && tokens[end + 1].Lower is "a" or "an" or "the" && RoleWithin(end + 2, 6) >= 0)
            || (end + 1 < N && tokens[end].Lower == "," && PostAppositive(end) is not null);
        if (!cue)
        {
            return -1;
        }

        var pname = Slice(i, end);
        var pb = GetOrAdd("person:" + pname.ToLowerInvariant(), () => new ActorEntity { Id = "", Name = pname, Kind = ActorKinds.Person });
        RegisterSurname(pb, i, end);
        AddMention(pb, i, end, MentionType.Name);
        return end;
    }

    /// <summary>Builds a body the dictionary does not know; its country comes from a place inside, a possessor before, or the fallback.</summary>
    private int AddUnknownBody(int i, int nameEnd, int mentionEnd, string kind, ActorEntry? fallback)
    {
        var name = Slice(i, nameEnd);
        var iso = CountryInside(i, nameEnd) ?? OwnerBefore(i)?.Country ?? fallback?.Country;
        var b = GetOrAdd("org:" + BodyKey(name), () => new ActorEntity { Id = "", Name = name, Kind = kind, Country = iso });
        AddMention(b, i, mentionEnd, MentionType.Name);
        return mentionEnd;
    }

    /// <summary>One key for "X Gas Co." and "X Gas Company", "Y Corp." and "Y Corporation".</summary>
    private static string BodyKey(string name)
    {
        var key = name.ToLowerInvariant();
        foreach (var (abbreviation, full) in new[] { (" co.", " company"), (" co", " company"), (" corp.", " corporation"), (" corp", " corporation") })
        {
            if (key.EndsWith(abbreviation, StringComparison.Ordinal))
            {
                return key[..^abbreviation.Length] + full;
            }
        }

        return key;
    }

    /// <summary>"Syrian Observatory for Human Rights", "International Chamber of Commerce": the head sits before its complement.</summary>
    private bool HeadBeforeComplement(int from, int to)
    {
        for (var k = from + 1; k + 1 < to; k++)
        {
            if (tokens[k + 1].Lower is "of" or "for" && Has(k, WordClass.OrgHead))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInternational(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Lower is "international" or "world" or "global" or "united" or "european" or "arab" or "islamic" or "african" or "nations")
            {
                return true;
            }
        }

        return false;
    }

    private int ReadCapitalRun(int i)
    {
        var k = i;
        var last = i;
        while (k < N)
        {
            var t = tokens[k];
            if (t.IsWord && t.IsCap && !t.Is(TokenFlags.Number) && !(k > i && IsStopword(k)))
            {
                k++;
                last = k;
                continue;
            }

            if (t.IsWord && Has(k, WordClass.Particle) && k + 1 < N && (tokens[k + 1].IsCap || tokens[k + 1].Is(TokenFlags.Hyphen)))
            {
                k++;
                continue;
            }

            if (t.Is(TokenFlags.Hyphen) && !t.Is(TokenFlags.SpaceBefore) && k > i && k + 1 < N && !tokens[k + 1].Is(TokenFlags.SpaceBefore) && tokens[k + 1].IsWord)
            {
                k++;
                continue;
            }

            if (t.Lower is "of" or "for" && k > i && k + 1 < N && tokens[k + 1].IsCap && Has(k - 1, WordClass.OrgHead))
            {
                k++;
                continue;
            }

            break;
        }

        return last;
    }

    private int CountWords(int from, int to)
    {
        var w = 0;
        for (var k = from; k < to; k++)
        {
            if (tokens[k].IsWord && (k == from || tokens[k].Is(TokenFlags.SpaceBefore)))
            {
                w++;
            }
        }

        return w;
    }

    private bool AnyHit(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (hitItems[k] is not null)
            {
                return true;
            }
        }

        return false;
    }

    private string? CountryInside(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (hitItems[k] is { } items)
            {
                foreach (var it in items)
                {
                    // A place or country inside the name says where it belongs; a body inside it does not
                    // ("Supreme National Security Council" is not the American National Security Council's).
                    if (it.Entry?.Country is { } c && (it.Kind is LexKind.Demonym or LexKind.Capital
                        || (it.Kind == LexKind.Entity && it.Entry.Kind is ActorKinds.Country or ActorKinds.Location)))
                    {
                        return c;
                    }
                }
            }
        }

        return null;
    }

    private int MatchSequence(int k, string[][] sequences)
    {
        foreach (var seq in sequences)
        {
            if (k + seq.Length > N)
            {
                continue;
            }

            var ok = true;
            for (var j = 0; j < seq.Length && ok; j++)
            {
                ok = tokens[k + j].Lower == seq[j];
            }

            if (ok)
            {
                return seq.Length;
            }
        }

        return 0;
    }

    /// <summary>Index of the first role noun ("commander", "chairman") within <paramref name="window"/> tokens, or -1.</summary>
    private int RoleWithin(int k, int window)
    {
        for (var j = k; j < Math.Min(N, k + window); j++)
        {
            if (!tokens[j].IsWord && !tokens[j].Is(TokenFlags.Hyphen | TokenFlags.Possessive))
            {
                return -1;
            }

            if (Has(j, WordClass.Role))
            {
                return j;
            }
        }

        return -1;
    }

    private int TryDictionaryHit(int i)
    {
        if (hitItems[i] is null)
        {
            return -1;
        }

        var len = hitLen[i];
        if (TryHyphenModifier(i, len) is var modifierEnd and >= 0)
        {
            return modifierEnd;
        }

        if (Item(i, LexKind.Capital) is { } cap)
        {
            var country = cap.Entry!;
            if (IsLocationUse(i))
            {
                var name = Slice(i, i + len);
                var lb = GetOrAdd("loc:" + country.Capital!.ToLowerInvariant(), () => new ActorEntity
                {
                    Id = "",
                    Name = country.Capital!,
                    Kind = ActorKinds.Location,
                    Country = country.Country,
                });
                AddMention(lb, i, i + len, MentionType.Name);
                _ = name;
            }
            else
            {
                AddMention(ForCountry(country), i, i + len, MentionType.Metonym);
            }

            return i + len;
        }

        if (EntityItem(i) is { } e)
        {
            var entry = e.Entry!;
            if (entry.Kind == ActorKinds.Organization && (entry.Country ?? entry.CountryAgent?.Country) is { } own
                && OwnerBefore(i) is { } owner && owner.Country != own)
            {
                // "Iraq's National Security Council" is not the American one the dictionary knows by that name.
                var ob = GetOrAdd("org:" + owner.Country + "/" + entry.Key, () => new ActorEntity
                {
                    Id = "",
                    Name = entry.Name,
                    Kind = entry.Kind,
                    Country = owner.Country,
                    Agent = entry.Agent,
                });
                AddMention(ob, i, i + len, MentionType.Name);
                return i + len;
            }

            AddMention(ForDictionaryEntry(entry), i, i + len, MentionType.Name);
            return i + len;
        }

        if (Item(i, LexKind.Metonym) is { } met)
        {
            AddMention(ForEntry(met.Entry!), i, i + len, MentionType.Metonym);
            return i + len;
        }

        if (Item(i, LexKind.People) is { } people)
        {
            AddMention(ForCountry(people.Entry!), i, i + len, MentionType.Demonym);
            return i + len;
        }

        return -1;
    }

    /// <summary>An entry keyed <c>ISO/agent</c> ("Pentagon") is the same actor that "U.S. Defense Ministry" would build.</summary>
    private ActorBuilder ForDictionaryEntry(ActorEntry entry) =>
        entry.CountryAgent is { } ca && lex.Agents.TryGetValue(ca.Agent, out var agent) && lex.Countries.TryGetValue(ca.Country, out var c)
            ? ForCountryAgent(c, agent)
            : ForEntry(entry);

    private bool IsLocationUse(int i)
    {
        var p = i - 1;
        if (p >= 0 && Has(p, WordClass.PlaceAdjective))
        {
            return true;
        }

        return p >= 0 && tokens[p].IsWord && Has(p, WordClass.LocationPreposition);
    }

    /// <summary>
    /// "Britain-based", "Paris-based": where something sits, not an actor. "Saudi-led coalition": an organisation
    /// of the leading country.
    /// </summary>
    private int TryHyphenModifier(int i, int len)
    {
        var j = i + len;
        if (j + 1 >= N || !tokens[j].Is(TokenFlags.Hyphen) || tokens[j].Is(TokenFlags.SpaceBefore) || tokens[j + 1].Is(TokenFlags.SpaceBefore)
            || tokens[j + 1].Lower is not ("based" or "led") || PlaceCountry(i) is not { } country)
        {
            return -1;
        }

        if (tokens[j + 1].Lower == "based")
        {
            for (var k = i; k < j + 2; k++)
            {
                covered[k] = true;
            }

            return j + 2;
        }

        if (j + 2 >= N || tokens[j + 2].Lower is not ("coalition" or "alliance" or "forces" or "force" or "bloc" or "campaign" or "mission"))
        {
            return -1;
        }

        var name = Slice(i, j + 3);
        var b = GetOrAdd("org:" + name.ToLowerInvariant(), () => new ActorEntity
        {
            Id = "",
            Name = name,
            Kind = ActorKinds.Organization,
            Country = country.Country,
            Agent = "MIL",
        });
        AddMention(b, i, j + 3, MentionType.Name);
        return j + 3;
    }

    /// <summary>The country a demonym, country name, capital or known place at <paramref name="i"/> stands for.</summary>
    private ActorEntry? PlaceCountry(int i)
    {
        if (Item(i, LexKind.Demonym) is { } d)
        {
            return d.Entry;
        }

        if (Item(i, LexKind.Capital) is { } c)
        {
            return c.Entry;
        }

        if (EntityItem(i) is { Entry: { } e } && (e.Kind == ActorKinds.Country || e.Kind == ActorKinds.Location))
        {
            return e.Kind == ActorKinds.Country ? e : e.Country is { } iso && lex.Countries.TryGetValue(iso, out var lc) ? lc : null;
        }

        return null;
    }

    /// <summary>"Iraq's National Security Council", "Iranian Supreme National Security Council": the country right before a body.</summary>
    private ActorEntry? OwnerBefore(int i)
    {
        for (var j = Math.Max(0, i - 4); j < i; j++)
        {
            if (tokens[j].IsWord && tokens[j].Lower is not ("its" or "their") && CountryRef(j, out var c, out var nx) && nx == i)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The "a"/"an" opening the phrase that ends before <paramref name="i"/> ("an unnamed ..."), or -1.</summary>
    private int IndefiniteBefore(int i)
    {
        var k = i - 1;
        while (k >= 0 && IsPremodifier(k))
        {
            k--;
        }

        return k >= 0 && tokens[k].Lower is "a" or "an" ? k : -1;
    }

    /// <summary>"China's mission to the European Union": one body of the possessor's country (the host is still named).</summary>
    private int TryMission(int i)
    {
        if (hitItems[i] is null || tokens[i].Lower is "its" or "their" || !CountryRef(i, out var country, out var nx)
            || nx + 2 >= N || tokens[nx].Lower is not ("mission" or "delegation") || tokens[nx + 1].Lower != "to")
        {
            return -1;
        }

        var t = nx + 2;
        if (t < N && tokens[t].Lower == "the")
        {
            t++;
        }

        if (t >= N || EntityItem(t) is not { } host)
        {
            return -1;
        }

        var end = t + hitLen[t];
        var name = Slice(i, end);
        var b = GetOrAdd("org:" + name.ToLowerInvariant(), () => new ActorEntity
        {
            Id = "",
            Name = name,
            Kind = ActorKinds.Organization,
            Country = country.Country,
            Agent = "GOV",
        });
        AddMention(b, i, end, MentionType.Name);
        AddMention(ForDictionaryEntry(host.Entry!), t, end, MentionType.Name);
        return end;
    }

    /// <summary>Agent nouns that are actors on their own: "reporters", "foreign forces".</summary>
    private int TryStandaloneAgent(int i)
    {
        // A capitalised ministry name without a country ("the Foreign Ministry in Baghdad") is the article country's.
        // "Foreign Ministry spokesman Abbas Mousavi": a known spokesman's country wins.
        if (Item(i, LexKind.Agent) is { Agent.Kind: ActorKinds.Organization } named && char.IsUpper(named.Surface[0]))
        {
            var possessor = OwnerBefore(i);
            var owner = possessor ?? dominantCountry;
            var j = i + hitLen[i];
            while (j < N && Has(j, WordClass.Role) && j < i + hitLen[i] + 2)
            {
                j++;
            }

            if (possessor is null && j > i + hitLen[i] && EntityItem(j, ActorKinds.Person) is { Entry.Country: { } iso } && lex.Countries.TryGetValue(iso, out var personCountry))
            {
                owner = personCountry;
            }

            if (owner is not null)
            {
                var end = i + hitLen[i];
                AddMention(ForCountryAgent(owner, named.Agent!), i, end, MentionType.Name);
                if (end < N && !tokens[end].IsCap && Item(end, LexKind.Agent) is { Agent: { Kind: ActorKinds.Person } who } && IndefiniteBefore(i) is var det and >= 0)
                {
                    // "an unnamed Foreign Ministry official": an anonymous source of that ministry; the ministry keeps its mention.
                    var personEnd = end + hitLen[end];
                    var anonName = Slice(i, personEnd);
                    var anon = GetOrAdd("anon:" + (++anonymousCount).ToString(System.Globalization.CultureInfo.InvariantCulture), () => new ActorEntity
                    {
                        Id = "",
                        Name = anonName,
                        Kind = ActorKinds.Person,
                        Country = owner.Country,
                        Agent = who.Code,
                        Role = "anonymous source",
                    });
                    anon.AgentEntry = who;
                    anon.Anonymous = true;
                    AddGroupMention(anon, det + 1, i, personEnd);
                    return personEnd;
                }

                return end;
            }
        }

        if (Item(i, LexKind.Agent) is not { Agent.Standalone: true } a)
        {
            return -1;
        }

        var len = hitLen[i];
        var name = Slice(i, i + len);
        var agent = a.Agent!;
        if (agent.Kind == ActorKinds.Organization)
        {
            if (dominantCountry is null)
            {
                return -1;
            }

            AddMention(ForCountryAgent(dominantCountry, agent), i, i + len, MentionType.Nominal);
            return i + len;
        }

        var b = GetOrAdd("group:" + name.ToLowerInvariant(), () => new ActorEntity { Id = "", Name = name, Kind = agent.Kind, Agent = agent.Code });
        b.AgentEntry = agent;
        AddMention(b, i, i + len, MentionType.Nominal);
        return i + len;
    }
}
