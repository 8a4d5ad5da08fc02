using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Actors;

public sealed class PetrarchDictionaryImporterTests
{
    // Small samples in the PETRARCH layout, written for these tests.
    private const string CountriesSample = """
        # sample countries file
        IRAQ_  [IRQ]
        +IRAQI_
        +REPUBLIC_OF_IRAQ
        ZEBARI_HOSHYAR_  # a comment
            [IRQELI 20010101-20030409]
            [IRQGOV 20030410-20140908]
            [IRQELI]
        NATIONAL_ALLIANCE_OF_IRAQ_ [IRQPTY]
        """;

    private const string AgentsSample = """
        !PERSON! = MAN, MEN, WOMAN, WOMEN
        # a comment
        PARLIAMENTARIAN [~LEG]
        MILITIA!PERSON! {} [~REB]
        GENDARMERY {GENDARMERIE} [~COP]
        ARMY [~MIL]
        """;

    [Fact]
    public void Actor_file_entries_get_names_synonyms_and_dated_codes()
    {
        var d = new ActorDictionary();
        var r = PetrarchDictionaryImporter.Import(CountriesSample, d, "sample", new DateOnly(2010, 1, 1));
        Assert.Equal(3, r.Actors);
        var iraq = d.Find("IRQ")!;
        Assert.Equal(ActorKinds.Country, iraq.Kind);
        Assert.Equal(["Iraqi", "Republic of Iraq"], iraq.Aliases);
        var zebari = d.Entries.Single(e => e.Name == "Zebari Hoshyar");
        Assert.Equal(ActorKinds.Person, zebari.Kind);
        Assert.Equal("GOV", zebari.Agent);
        Assert.Equal("IRQ", zebari.Country);
        var party = d.Entries.Single(e => e.Name == "National Alliance of Iraq");
        Assert.Equal("PTY", party.Agent);
    }

    [Fact]
    public void Without_a_date_the_undated_code_wins()
    {
        var d = new ActorDictionary();
        PetrarchDictionaryImporter.Import(CountriesSample, d, "sample");
        Assert.Equal("ELI", d.Entries.Single(e => e.Name == "Zebari Hoshyar").Agent);
    }

    [Fact]
    public void Code_dates_read_both_year_widths_and_open_ends()
    {
        Assert.Equal(new DateOnly(2006, 5, 20), PetrarchDictionaryImporter.ParseDate("20060520"));
        Assert.Equal(new DateOnly(1979, 12, 27), PetrarchDictionaryImporter.ParseDate("791227"));
        Assert.Equal(new DateOnly(2011, 12, 22), PetrarchDictionaryImporter.ParseDate("111222"));
        Assert.True(new PetrarchCode("X", new DateOnly(2020, 1, 1), null).ValidOn(new DateOnly(2030, 1, 1)));
        Assert.False(new PetrarchCode("X", null, new DateOnly(2020, 1, 1)).ValidOn(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void Agent_file_expands_substitutions_and_plurals()
    {
        var d = new ActorDictionary();
        var r = PetrarchDictionaryImporter.Import(AgentsSample, d, "agents");
        Assert.True(r.AgentNouns >= 6);
        var reb = d.Agents.Single(a => a.Code == "REB");
        Assert.Contains("militiaman", reb.Nouns);
        Assert.Contains("militiawomen", reb.Nouns);
        Assert.DoesNotContain("militiamans", reb.Nouns);
        Assert.Contains("gendarmerie", d.Agents.Single(a => a.Code == "COP").Nouns);
        Assert.Contains("parliamentarians", d.Agents.Single(a => a.Code == "LEG").Nouns);
    }

    [Fact]
    public void Imported_actors_are_recognised_in_mixed_case_text()
    {
        var d = ActorDictionary.LoadDefault();
        PetrarchDictionaryImporter.Import(CountriesSample, d, "sample");
        var a = new ActorRecognizer(d).Recognize(TextSegmenter.Segment("Hoshyar met members of the National Alliance of Iraq on Sunday."));
        Assert.Contains(a.Actors, x => x.Name == "National Alliance of Iraq" && x.Country == "IRQ");
    }
}
