using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Actors;

/// <summary>
/// Rules for people and bodies the dictionary does not know. The names here are invented, so each test passes only
/// through the general rule it names, never through a dictionary entry.
/// </summary>
public sealed class ActorGeneralisationTests
{
    private static readonly ActorRecognizer Recognizer = new(ActorDictionary.LoadDefault());

    private static ActorAnalysis Run(string text) => Recognizer.Recognize(TextSegmenter.Segment(text));

    private static ActorEntity Actor(ActorAnalysis a, string name) =>
        a.Actors.Single(x => x.Name == name || x.Aliases.Contains(name));

    [Fact]
    public void Unknown_person_takes_the_country_of_the_body_named_in_the_appositive()
    {
        var a = Run("\"We will respond,\" said Col. Yusuf Demirkan, a spokesman for the Turkish Defense Ministry, on Monday.");
        Assert.Equal("TUR", Actor(a, "Yusuf Demirkan").Country);
    }

    [Fact]
    public void Unknown_person_takes_the_country_of_the_person_they_advise()
    {
        var a = Run("\"The talks went well,\" said Tariq Zebawi, an adviser to Adel Abdul-Mahdi on foreign relations.");
        Assert.Equal("IRQ", Actor(a, "Tariq Zebawi").Country);
    }

    [Fact]
    public void Place_in_the_title_gives_the_country()
    {
        var a = Run("Officials met on Monday. Former Anbar governor Saleh Dulaimawi was arrested in the morning.");
        Assert.Equal("IRQ", Actor(a, "Saleh Dulaimawi").Country);
    }

    [Fact]
    public void Possessive_title_appositive_names_the_person_with_the_possessor_country()
    {
        var a = Run("Iran's deputy ambassador, Reza Najafpour, told reporters that the vote was unfair.");
        var p = Actor(a, "Reza Najafpour");
        Assert.Equal(ActorKinds.Person, p.Kind);
        Assert.Equal("IRN", p.Country);
    }

    [Fact]
    public void Sentence_initial_name_with_article_less_appositive_gets_the_possessor_country_and_the_body_too()
    {
        var a = Run("Pavel Sokolenko, deputy director of Russia's Federal Agency for Fisheries, said on Monday that talks would resume.");
        Assert.Equal("RUS", Actor(a, "Pavel Sokolenko").Country);
        var body = Actor(a, "Federal Agency for Fisheries");
        Assert.Equal(ActorKinds.Organization, body.Kind);
        Assert.Equal("RUS", body.Country);
    }

    [Fact]
    public void Titled_official_with_nothing_else_said_belongs_to_the_article_country()
    {
        var a = Run("ANKARA, Turkey (AP) — Deputy Health Minister Emre Kayalar visited a hospital in Turkey on Thursday.");
        Assert.Equal("TUR", Actor(a, "Emre Kayalar").Country);
    }

    [Fact]
    public void Local_official_with_a_lower_case_title_belongs_to_the_article_country()
    {
        var a = Run("BAGHDAD — Basra police chief Rashid Falihawi said the port was closed.");
        Assert.Equal("IRQ", Actor(a, "Rashid Falihawi").Country);
    }

    [Fact]
    public void A_passing_country_mention_does_not_give_an_official_its_country()
    {
        var a = Run("Lt. Gen. Othman Jaburi praised Moscow's role in the battle against the Islamic State group.");
        Assert.Null(Actor(a, "Othman Jaburi").Country);
    }

    [Fact]
    public void Unnamed_ministry_official_is_an_anonymous_source_of_that_ministry()
    {
        var a = Run("ANKARA, Turkey (AP) — The raid was condemned in Turkey, the agency reported, quoting an unnamed Foreign Ministry official.");
        var p = a.Actors.Single(x => x.Role == "anonymous source");
        Assert.Equal("Foreign Ministry official", p.Name);
        Assert.Equal("TUR", p.Country);
        Assert.Contains("unnamed Foreign Ministry official", p.Aliases);
        Assert.Contains(a.Actors, x => x.Name == "Turkish Foreign Ministry");
    }

    [Fact]
    public void Official_of_a_body_without_a_country_gets_none()
    {
        var a = Run("BAGHDAD — NATO Secretary-General Anders Fogsen said Iraq needed help.");
        Assert.Null(Actor(a, "Anders Fogsen").Country);
    }

    [Fact]
    public void Leader_of_a_national_delegation_takes_its_country()
    {
        var a = Run("The Qatari delegation was led by Khalid Mansouri, a senior official, while talks continued.");
        Assert.Equal("QAT", Actor(a, "Khalid Mansouri").Country);
    }

    [Fact]
    public void Country_led_coalition_is_an_organisation_and_its_spokesman_shares_its_country()
    {
        var a = Run("The Egypt-led coalition launched strikes on Friday. \"It was necessary,\" said Brig. Gen. Samir Adelwan, the coalition's spokesman.");
        var coalition = Actor(a, "Egypt-led coalition");
        Assert.Equal(ActorKinds.Organization, coalition.Kind);
        Assert.Equal("EGY", coalition.Country);
        Assert.Contains(coalition.Mentions, m => m.Text == "coalition");
        Assert.Equal("EGY", Actor(a, "Samir Adelwan").Country);
    }

    [Fact]
    public void Spokesman_for_a_body_before_the_name_takes_the_body_country()
    {
        var a = Run("BEIRUT — A spokesman for the Egypt-led coalition, Col. Faris Qahtawi, said the raids continued in Lebanon.");
        Assert.Equal("EGY", Actor(a, "Faris Qahtawi").Country);
    }

    [Fact]
    public void Militia_name_opened_by_kataib_is_an_armed_group()
    {
        var a = Run("BAGHDAD — Kataib al-Fatah denounced the decision, and Iraq's government said nothing.");
        var g = Actor(a, "Kataib al-Fatah");
        Assert.Equal(ActorKinds.ArmedGroup, g.Kind);
        Assert.Equal("IRQ", g.Country);
    }

    [Fact]
    public void Head_before_complement_names_an_organisation_and_x_based_is_no_actor()
    {
        var a = Run("At least six died, according to the Syrian Network for Civil Defence, a Britain-based monitor, and the Paris-based International Chamber of Shipping.");
        Assert.Equal(ActorKinds.Organization, Actor(a, "Syrian Network for Civil Defence").Kind);
        Assert.Equal(ActorKinds.Organization, Actor(a, "International Chamber of Shipping").Kind);
        Assert.DoesNotContain(a.Actors, x => x.Country is "GBR" or "FRA");
    }

    [Fact]
    public void Unknown_company_after_a_company_noun_or_before_a_role_noun_is_an_organisation()
    {
        var a = Run("A depot run by the state shipping giant Marlinko was hit. A Berimco spokesman, Omar Haddadi, told reporters nobody was hurt.");
        Assert.Equal(ActorKinds.Organization, Actor(a, "Marlinko").Kind);
        Assert.Equal(ActorKinds.Organization, Actor(a, "Berimco").Kind);
        Assert.Equal(ActorKinds.Person, Actor(a, "Omar Haddadi").Kind);
    }

    [Fact]
    public void Name_before_a_medium_is_a_broadcaster()
    {
        var a = Run("Five people were killed, the rebel-run Al-Nahrawan television channel reported.");
        var m = Actor(a, "Al-Nahrawan");
        Assert.Equal(ActorKinds.Media, m.Kind);
        Assert.Contains("Al-Nahrawan television channel", m.Aliases);
    }

    [Fact]
    public void Foreign_bureau_dateline_is_no_actor_and_does_not_own_local_bodies()
    {
        var a = Run("DUBAI, United Arab Emirates (AP) — Yemen's rebels fired missiles at Yemen's south. The Foreign Ministry condemned the attack.");
        Assert.DoesNotContain(a.Actors, x => x.Country == "ARE");
    }

    [Fact]
    public void Possessive_country_overrides_the_dictionary_owner_of_a_body()
    {
        var a = Run("The plan was backed by Iraq's National Security Council on Monday.");
        var nsc = a.Actors.Single(x => x.Name == "National Security Council");
        Assert.Equal("IRQ", nsc.Country);
    }

    [Fact]
    public void Capital_used_as_a_place_joins_its_country_when_the_country_acts()
    {
        var a = Run("Officials held talks in Baghdad on Thursday. Iraq welcomed the outcome.");
        Assert.DoesNotContain(a.Actors, x => x.Kind == ActorKinds.Location);
        Assert.Contains("Baghdad", Actor(a, "Iraq").Aliases);
    }

    [Fact]
    public void Coordinated_nationalities_give_a_group_no_single_country()
    {
        var a = Run("Senior Egyptian and Jordanian officials met on Monday.");
        Assert.Null(a.Actors.Single(x => x.Kind == ActorKinds.Group).Country);
    }

    [Fact]
    public void Country_mission_to_a_body_is_one_actor_of_that_country_and_the_host_stays_named()
    {
        var a = Run("China's mission to the European Union rejected the accusations on Tuesday.");
        var mission = Actor(a, "China's mission to the European Union");
        Assert.Equal("CHN", mission.Country);
        Assert.Contains(a.Actors, x => x.Name == "European Union");
    }
}
