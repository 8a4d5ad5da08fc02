using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Actors;

public sealed class ActorDictionaryTests
{
    [Fact]
    public void Default_dictionary_holds_countries_people_groups_and_agents()
    {
        var d = ActorDictionary.LoadDefault();
        Assert.True(d.Entries.Count(e => e.Kind == ActorKinds.Country) >= 100);
        var irq = d.Find("IRQ")!;
        Assert.Equal("Iraq", irq.Name);
        Assert.Equal("Baghdad", irq.Capital);
        Assert.Contains("Iraqi", irq.Demonyms);
        Assert.Equal("IRN", d.Find("soleimani")!.Country);
        Assert.Equal(ActorKinds.ArmedGroup, d.Find("isis")!.Kind);
        Assert.Equal("MIL", d.FindAgent("military")!.Code);
    }

    [Fact]
    public void Reader_parses_sections_lists_and_comments_and_later_sections_extend_entries()
    {
        var d = new ActorDictionary();
        d.LoadText("""
            # a comment
            [person doe]
            name = John Doe   # trailing comment
            aliases = Doe; J. Doe
            country = usa
            [titles]
            Envoy = GOV
            """, "a.txt");
        d.LoadText("""
            [person doe]
            role = envoy
            aliases = Johnny Doe
            remove = J. Doe
            """, "b.txt");
        var e = d.Find("doe")!;
        Assert.Equal("John Doe", e.Name);
        Assert.Equal("USA", e.Country);
        Assert.Equal("envoy", e.Role);
        Assert.Equal(["Doe", "Johnny Doe"], e.Aliases);
    }

    [Fact]
    public void Reader_reports_the_line_of_a_bad_field()
    {
        var d = new ActorDictionary();
        var ex = Assert.Throws<FormatException>(() => d.LoadText("[person x]\ncolour = red\n", "bad.txt"));
        Assert.Contains("bad.txt:2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Editor_additions_are_recognised_in_later_articles()
    {
        var d = ActorDictionary.LoadDefault();
        var recognizer = new ActorRecognizer(d);
        const string text = "Zaydoun Qarawi criticised the plan.";
        Assert.Empty(recognizer.Recognize(TextSegmenter.Segment(text)).Actors);

        var entry = new ActorEntry { Key = "qarawi", Name = "Zaydoun Qarawi", Kind = ActorKinds.Person, Country = "IRQ", Source = "editor" };
        d.Add(entry);
        Assert.True(d.AddAlias("qarawi", "Qarawi"));
        var a = recognizer.Recognize(TextSegmenter.Segment(text + " Qarawi left."));
        var actor = Assert.Single(a.Actors);
        Assert.Equal("qarawi", actor.DictionaryKey);
        Assert.Equal(2, actor.Mentions.Count);
    }

    [Fact]
    public void Directory_files_override_the_shipped_dictionary()
    {
        var dir = Directory.CreateTempSubdirectory("actors");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "actors.local.txt"), "[person soleimani]\nrole = slain commander\n");
            File.WriteAllText(Path.Combine(dir.FullName, "groups.petrarch.txt"), "NEW_FRONT_MILITIA [IRQREB]\n+NFM\n");
            var d = ActorDictionary.LoadDirectory(dir.FullName);
            Assert.Equal("slain commander", d.Find("soleimani")!.Role);
            Assert.Equal("IRN", d.Find("soleimani")!.Country);
            Assert.Contains(d.Entries, e => e.Name == "New Front Militia" && e.Country == "IRQ" && e.Agent == "REB");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
