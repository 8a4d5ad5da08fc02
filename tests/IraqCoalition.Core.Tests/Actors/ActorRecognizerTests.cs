using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Actors;

public sealed class ActorRecognizerTests
{
    private static readonly ActorRecognizer Recognizer = new(ActorDictionary.LoadDefault());

    private static ActorAnalysis Run(string text) => Recognizer.Recognize(TextSegmenter.Segment(text));

    private static ActorEntity Actor(ActorAnalysis a, string name) =>
        a.Actors.Single(x => x.Name == name || x.Aliases.Contains(name));

    [Fact]
    public void Every_mention_is_an_exact_span_of_the_text()
    {
        const string text = "BAGHDAD — Iraq’s parliament met. Russian Ambassador Maksim Maksimov told the Associated Press that Moscow’s role grew, and al-Maksimov's aide said so.";
        var a = Run(text);
        Assert.NotEmpty(a.Mentions);
        foreach (var m in a.Mentions)
        {
            Assert.Equal(m.Text, text[m.Span.Start..m.Span.End]);
        }

        Assert.Equal(a.Actors.Select((x, i) => "a" + (i + 1)), a.Actors.Select(x => x.Id));
    }

    [Fact]
    public void A_bare_surname_is_the_person_named_in_the_article_not_a_curated_namesake()
    {
        // The dictionary knows Mohammed Tawfiq Allawi with the alias "Allawi"; this article names another Allawi.
        var a = Run("Prime Minister Mustafa al-Kadhimi sent Finance Minister Ali Allawi to Tehran on Sunday. Allawi met the central bank governor, and he said the talks went well.");

        var ali = Actor(a, "Ali Allawi");
        Assert.Equal(2, ali.Mentions.Count(m => m.Type == MentionType.Name));
        Assert.DoesNotContain(a.Actors, x => x.Name == "Mohammed Tawfiq Allawi");
        Assert.All(a.Mentions.Where(m => m.Text == "Allawi"), m => Assert.Same(ali, m.Actor));
    }

    [Fact]
    public void A_curated_person_keeps_a_bare_surname_when_nobody_else_in_the_article_carries_it()
    {
        var a = Run("Allawi told parliament on Monday that the budget would pass.");

        Assert.Contains(a.Actors, x => x.Name == "Mohammed Tawfiq Allawi");
    }

    [Fact]
    public void A_company_abbreviation_ends_an_organisation_name_and_joins_its_spelled_out_form()
    {
        var a = Run("The ministry said the Northern Cement Co. had halted deliveries. The Northern Cement Company denied it on Friday.");

        var company = Actor(a, "Northern Cement Co.");
        Assert.Equal(ActorKinds.Organization, company.Kind);
        Assert.Contains("Northern Cement Company", company.Aliases);
        Assert.Equal(2, company.Mentions.Count);
    }

    [Fact]
    public void An_office_named_by_its_role_is_its_holder_and_takes_the_pronoun_after_it()
    {
        var a = Run("Ministers met in Baghdad. The Turkish foreign minister said he would return. Britain summoned Iran's charge d'affaires, and Iran's ambassador left.");

        var minister = Actor(a, "Turkish foreign minister");
        Assert.Equal(ActorKinds.Person, minister.Kind);
        Assert.Equal("TUR", minister.Country);
        Assert.Contains(minister.Mentions, m => m.Text == "he");
        Assert.Equal("IRN", Actor(a, "Iran's charge d'affaires").Country);
        Assert.Equal("IRN", Actor(a, "Iran's ambassador").Country);
        Assert.NotSame(Actor(a, "Iran's charge d'affaires"), Actor(a, "Iran's ambassador"));
    }

    [Fact]
    public void An_office_that_introduces_a_name_leaves_the_actor_to_the_name()
    {
        var a = Run("Iraq's ambassador to Washington, Fareed Yasseen, said ties were strong.");

        Assert.Equal("IRQ", Actor(a, "Fareed Yasseen").Country);
        Assert.DoesNotContain(a.Actors, x => x.Name.Contains("ambassador", StringComparison.Ordinal));
    }

    [Fact]
    public void Officials_of_international_bodies_take_no_country_from_the_story()
    {
        var a = Run("MOSCOW — Russia vetoed the draft. Russia said the text was biased. Russia's envoy spoke. Secretary-General Antonio Guterres was disappointed, according to his spokesman, Farhan Haq.");

        Assert.Null(Actor(a, "Antonio Guterres").Country);
        Assert.Null(Actor(a, "Farhan Haq").Country);
    }

    [Fact]
    public void Title_with_demonym_gives_unknown_person_country_and_title()
    {
        var a = Run("The meeting was with Russian Ambassador Maksim Maksimov in Baghdad.");
        var p = Actor(a, "Maksim Maksimov");
        Assert.Equal(ActorKinds.Person, p.Kind);
        Assert.Equal("RUS", p.Country);
        Assert.Equal("Ambassador", p.Title);
    }

    [Fact]
    public void Pre_appositive_role_gives_role_and_country_and_surnames_corefer()
    {
        var a = Run("A meeting between the Iraqi army chief of staff, Lt. Gen. Othman Al-Ghanimi, and Russian Ambassador Maksim Maksimov. Later al-Ghanimi spoke. Al-Ghanimi left.");
        var p = Actor(a, "Othman Al-Ghanimi");
        Assert.Equal("Lt. Gen.", p.Title);
        Assert.Equal("Iraqi army chief of staff", p.Role);
        Assert.Equal("IRQ", p.Country);
        Assert.Contains("al-Ghanimi", p.Aliases);
        Assert.Contains("Al-Ghanimi", p.Aliases);
        Assert.Equal(3, p.Mentions.Count);
    }

    [Fact]
    public void Post_appositive_role_takes_country_from_its_premodifier()
    {
        var a = Run("Marine Gen. Jane Doemaker, the top U.S. commander in the Middle East, said relations were strained.");
        var p = Actor(a, "Jane Doemaker");
        Assert.Equal("USA", p.Country);
        Assert.Equal("Marine Gen.", p.Title);
        Assert.StartsWith("top U.S. commander", p.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void Nationality_and_agent_noun_make_one_actor_with_country_and_agent()
    {
        var a = Run("The Iraqi military said on Monday that Iraq's military and the Iraqi armed forces were ready.");
        var m = Actor(a, "Iraqi military");
        Assert.Equal(ActorKinds.Organization, m.Kind);
        Assert.Equal("IRQ", m.Country);
        Assert.Equal("MIL", m.Agent);
        Assert.Equal(3, m.Mentions.Count);
    }

    [Fact]
    public void Attributive_agent_noun_is_not_an_actor()
    {
        var a = Run("Iraq-U.S. military relations are in a period of turbulence.");
        Assert.DoesNotContain(a.Actors, x => x.Agent == "MIL");
        Assert.Contains(a.Actors, x => x.Name == "Iraq");
        Assert.Contains(a.Actors, x => x.Name == "United States");
    }

    [Fact]
    public void Government_phrase_is_the_country_itself()
    {
        var a = Run("The Iraqi government has told its military not to seek assistance.");
        var iraq = Actor(a, "Iraq");
        Assert.Equal(ActorKinds.Country, iraq.Kind);
        Assert.Equal(MentionType.Nominal, iraq.Mentions[0].Type);
        Assert.Equal("IRQ", Actor(a, "Iraqi military").Country);
        Assert.Contains("its military", Actor(a, "Iraqi military").Aliases);
    }

    [Fact]
    public void The_government_is_the_government_already_named_else_the_article_country()
    {
        var a = Run("WASHINGTON — U.S. officials met. The Iraqi government asked for talks, and the government said it wanted a delegation.");
        Assert.Equal(2, Actor(a, "Iraq").Mentions.Count(m => m.Type == MentionType.Nominal));

        var b = Run("BAGHDAD — Lawmakers asked the government to act, Russia said.");
        Assert.Equal("government", Actor(b, "Iraq").Mentions.Single().Text);
    }

    [Fact]
    public void Anonymous_official_is_a_person_and_the_official_refers_back()
    {
        var a = Run("A senior Iraqi military intelligence official told reporters about it. \"We need planes,\" said the official, who requested anonymity.");
        var p = a.Actors.Single(x => x.Role == "anonymous source");
        Assert.Equal(ActorKinds.Person, p.Kind);
        Assert.Equal("IRQ", p.Country);
        Assert.Contains(p.Mentions, m => m.Text == "official");
    }

    [Fact]
    public void Plural_agent_nouns_make_groups()
    {
        var a = Run("Senior Iraqi military officials said powerful Shiite parties and Sunni and Kurdish lawmakers disagreed in Iraq.");
        Assert.Equal(ActorKinds.Group, Actor(a, "Iraqi military officials").Kind);
        Assert.Equal("IRQ", Actor(a, "Shiite parties").Country);
        Assert.Equal(ActorKinds.Group, Actor(a, "Sunni and Kurdish lawmakers").Kind);
        Assert.Contains("Senior Iraqi military officials", Actor(a, "Iraqi military officials").Aliases);
    }

    [Fact]
    public void Capital_is_a_place_after_a_preposition_and_the_government_otherwise()
    {
        var a = Run("Lavrov arrived in Baghdad on Monday. Washington has pressed Tehran to limit dealings with Moscow.");
        var place = a.Actors.Single(x => x.Kind == ActorKinds.Location && x.Name == "Baghdad");
        Assert.Single(place.Mentions);
        Assert.Equal(MentionType.Metonym, Actor(a, "Iran").Mentions.Single().Type);
        Assert.Equal(MentionType.Metonym, Actor(a, "Russia").Mentions.Single().Type);
        Assert.Equal("USA", Actor(a, "United States").Country);

        // Once Iraq itself acts, the city is the same actor, not a place beside it.
        var b = Run("Lavrov arrived in Baghdad on Monday. Washington has pressed Baghdad to limit dealings with Moscow.");
        Assert.DoesNotContain(b.Actors, x => x.Kind == ActorKinds.Location);
        Assert.Equal(2, Actor(b, "Iraq").Mentions.Count(m => m.Type == MentionType.Metonym));
    }

    [Fact]
    public void Dateline_is_not_an_actor()
    {
        var a = Run("MOSCOW — Officials met.");
        Assert.Empty(a.Actors);
    }

    [Fact]
    public void Kremlin_stands_for_russia()
    {
        var a = Run("Putin discussed the situation with Macron, the Kremlin said.");
        Assert.Equal("RUS", Actor(a, "Russia").Country);
        Assert.Equal(MentionType.Metonym, Actor(a, "Russia").Mentions.Single().Type);
    }

    [Fact]
    public void Pronoun_and_his_country_resolve_to_the_latest_person()
    {
        var a = Run("Iranian Foreign Minister Javad Zarif wrote that his country had acted. Later he said more.");
        var zarif = Actor(a, "Javad Zarif");
        Assert.Contains(zarif.Mentions, m => m.Type == MentionType.Pronoun && m.Text == "he");
        Assert.Contains(Actor(a, "Iran").Mentions, m => m.Text == "his country");
        Assert.DoesNotContain("he", zarif.Aliases);
    }

    [Fact]
    public void Extremist_group_refers_forward_to_the_named_group()
    {
        var a = Run("Forces fought the extremist group. The Islamic State group lost ground.");
        var isis = Actor(a, "Islamic State group");
        Assert.Equal(ActorKinds.ArmedGroup, isis.Kind);
        Assert.Equal(2, isis.Mentions.Count);
    }

    [Fact]
    public void The_ministry_and_the_coalition_refer_back()
    {
        var a = Run("Iraq's Foreign Ministry said it was ready. The ministry added that the U.S.-led coalition would leave. The coalition declined comment.");
        Assert.Equal(2, Actor(a, "Iraqi Foreign Ministry").Mentions.Count);
        Assert.Equal(2, Actor(a, "U.S.-led coalition").Mentions.Count);
    }

    [Fact]
    public void The_ministry_without_antecedent_is_a_ministry_of_the_main_country()
    {
        var a = Run("Iraq told its military to stop. The ministry statement followed a meeting in Iraq.");
        var m = Actor(a, "Iraqi ministry");
        Assert.Equal("IRQ", m.Country);
        Assert.Equal("ministry", m.Mentions.Single().Text);
    }

    [Fact]
    public void Organisation_and_location_heads_name_unknown_actors()
    {
        var a = Run("The letter came from Task Force Iraq. Rockets hit the Balad air base and Zubair district in Basra.");
        Assert.Equal(ActorKinds.Organization, Actor(a, "Task Force Iraq").Kind);
        Assert.Equal(ActorKinds.Location, Actor(a, "Zubair district").Kind);
    }

    [Fact]
    public void Nationality_with_a_place_noun_is_a_description_not_a_place()
    {
        var a = Run("Missiles hit an Iraqi base and the U.S. base near the border.");
        Assert.DoesNotContain(a.Actors, x => x.Kind == ActorKinds.Location);
        Assert.Contains(a.Actors, x => x.Name == "United States");
    }

    [Fact]
    public void Capitalised_common_words_months_and_weekdays_are_not_actors()
    {
        var a = Run("Behind closed doors, the bitterness grew. On Wednesday in January, Air Force One landed. Both parties emphasized cooperation.");
        Assert.Empty(a.Actors);
    }

    [Fact]
    public void Unknown_name_with_speech_verb_is_a_person()
    {
        var a = Run("\"It is over,\" said Hamid Karimzadeh, a spokesman for the governor.");
        var p = Actor(a, "Hamid Karimzadeh");
        Assert.Equal(ActorKinds.Person, p.Kind);
        Assert.StartsWith("spokesman", p.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void Acronym_aliases_need_exact_case()
    {
        var a = Run("It is what it is, the AP said of US policy.");
        Assert.Contains(a.Actors, x => x.Name == "Associated Press");
        Assert.Contains(a.Actors, x => x.Name == "United States");
        Assert.DoesNotContain(a.Actors, x => x.Name == "Islamic State group");
    }
}

public sealed class ActorRecognizerAffiliationTests
{
    private static readonly ActorRecognizer Recognizer = new(ActorDictionary.LoadDefault());

    private static ActorAnalysis Run(string text) => Recognizer.Recognize(TextSegmenter.Segment(text));

    [Fact]
    public void Organisation_before_a_role_noun_gives_the_person_an_affiliation()
    {
        var a = Run("\"We will respond,\" State Department spokeswoman Tamara Quill told reporters.");
        var p = a.Actors.Single(x => x.Name == "Tamara Quill");
        Assert.Equal("USA", p.Country);
        Assert.Equal("State Department spokeswoman", p.Role);
        Assert.Contains(a.Actors, x => x.Name == "State Department" && x.Mentions.Count == 1);
    }

    [Fact]
    public void Country_agent_before_a_role_noun_is_both_an_affiliation_and_an_actor()
    {
        var a = Run("Iraqi Foreign Ministry spokesman Ahmed Sahhafi said the strikes violated Iraqi sovereignty.");
        var p = a.Actors.Single(x => x.Name == "Ahmed Sahhafi");
        Assert.Equal("IRQ", p.Country);
        Assert.Equal("Iraqi Foreign Ministry spokesman", p.Role);
        var ministry = a.Actors.Single(x => x.Name == "Iraqi Foreign Ministry");
        Assert.Equal("Iraqi Foreign Ministry", ministry.Mentions.Single().Text);
    }

    [Fact]
    public void Local_actors_belong_to_the_dateline_country_and_sponsors_are_modifiers()
    {
        var a = Run("BAGHDAD (AP) — U.S. jets hit U.S. targets of Iran-backed militias. Security forces closed roads. Kataib Hezbollah vowed revenge and the militia fired rockets.");
        Assert.Equal("IRQ", a.Actors.Single(x => x.Name == "Iran-backed militias").Country);
        Assert.Equal("Iraqi security forces", a.Actors.Single(x => x.Aliases.Contains("Security forces")).Name);
        Assert.Contains(a.Actors.Single(x => x.Name == "Kataib Hezbollah").Mentions, m => m.Text == "militia");
    }

    [Fact]
    public void Ministry_without_a_country_belongs_to_the_dateline_country_or_to_its_known_spokesman()
    {
        var a = Run("BAGHDAD — The Foreign Ministry summoned the U.S. ambassador. The ministry said it was a violation. In Tehran, Foreign Ministry spokesman Abbas Mousavi said Iran agreed.");
        Assert.Equal(2, a.Actors.Single(x => x.Name == "Iraqi Foreign Ministry").Mentions.Count);
        Assert.Single(a.Actors.Single(x => x.Name == "Iranian Foreign Ministry").Mentions);
    }

    [Fact]
    public void Indefinite_role_before_a_named_person_is_an_appositive_not_a_source()
    {
        var a = Run("An Iraqi military spokesman, Brig. Gen. Zaid Karimi, said forces were ready.");
        Assert.DoesNotContain(a.Actors, x => x.Role == "anonymous source");
        var p = a.Actors.Single(x => x.Name == "Zaid Karimi");
        Assert.Equal("Iraqi military spokesman", p.Role);
        Assert.Equal("IRQ", p.Country);
    }

    [Fact]
    public void Anonymous_source_of_an_organisation_takes_its_country()
    {
        var a = Run("A senior State Department official said the embassy was safe.");
        var p = a.Actors.Single(x => x.Role == "anonymous source");
        Assert.Equal("USA", p.Country);
        Assert.Equal(ActorKinds.Person, p.Kind);
    }

    [Fact]
    public void Name_after_a_role_appositive_is_a_person_with_that_role()
    {
        var a = Run("He met Iraq's ambassador to Moscow, Haidar Mansour Hadi, on Monday.");
        var p = a.Actors.Single(x => x.Name == "Haidar Mansour Hadi");
        Assert.Equal("IRQ", p.Country);
        Assert.Equal("Iraq's ambassador to Moscow", p.Role);
    }

    [Fact]
    public void Given_name_marks_an_unknown_person_and_place_heads_inside_names_mark_places()
    {
        var a = Run("Protesters in Tahrir Square cheered when Mohammed Karimzadeh arrived in central Baghdad.");
        Assert.Equal(ActorKinds.Location, a.Actors.Single(x => x.Name == "Tahrir Square").Kind);
        Assert.Equal(ActorKinds.Person, a.Actors.Single(x => x.Name == "Mohammed Karimzadeh").Kind);
        Assert.Equal(ActorKinds.Location, a.Actors.Single(x => x.Name == "Baghdad").Kind);
    }

    [Fact]
    public void Lower_case_role_words_before_a_name_make_its_role()
    {
        var a = Run("Salih named former communications minister Zaki Bahrani as prime minister-designate.");
        Assert.Equal("former communications minister", a.Actors.Single(x => x.Name == "Zaki Bahrani").Role);
    }
}

public sealed class ActorRecognizerEdgeTests
{
    private static readonly ActorRecognizer Recognizer = new(ActorDictionary.LoadDefault());

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("—")]
    [InlineData("Gen.")]
    [InlineData("President")]
    [InlineData("the")]
    [InlineData("Iraqi")]
    [InlineData("’s 's - -- al- Al-")]
    [InlineData("He said the official")]
    [InlineData("IRAQ —")]
    [InlineData("Talks with the U.S.")]
    [InlineData("the Iraqi army chief of staff,")]
    [InlineData(", Lt. Gen. Othman Al-")]
    [InlineData("A senior Iraqi")]
    [InlineData("Iran-backed")]
    [InlineData("Task Force")]
    public void Fragments_and_truncated_text_do_not_throw_and_keep_exact_spans(string text)
    {
        var a = Recognizer.Recognize(TextSegmenter.Segment(text));
        foreach (var m in a.Mentions)
        {
            Assert.Equal(m.Text, text[m.Span.Start..m.Span.End]);
        }
    }

    [Fact]
    public void Shuffled_news_words_never_break_the_rules()
    {
        // Words of the annotated articles in random orders reach rule combinations no article has.
        var words = Directory.GetFiles(GoldActorScore.GoldDirectory("dev"), "*.md")
            .SelectMany(f => File.ReadAllText(f).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(7);
        for (var n = 0; n < 300; n++)
        {
            var text = string.Join(random.Next(4) == 0 ? "\n" : " ", Enumerable.Range(0, random.Next(1, 60)).Select(_ => words[random.Next(words.Length)]));
            var a = Recognizer.Recognize(TextSegmenter.Segment(text));
            Assert.All(a.Mentions, m => Assert.Equal(m.Text, text[m.Span.Start..m.Span.End]));
        }
    }

    [Fact]
    public void Recognizer_is_safe_to_share_between_threads()
    {
        const string text = "Russian Ambassador Maksim Maksimov met Lt. Gen. Othman Al-Ghanimi in Baghdad. Al-Ghanimi praised Moscow.";
        var expected = Recognizer.Recognize(TextSegmenter.Segment(text)).Actors.Select(x => x.Name).ToList();
        Parallel.For(0, 64, _ =>
        {
            var names = Recognizer.Recognize(TextSegmenter.Segment(text)).Actors.Select(x => x.Name).ToList();
            Assert.Equal(expected, names);
        });
    }
}
