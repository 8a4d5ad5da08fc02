using IraqCoalition.Core.Tests.Pipeline;

namespace IraqCoalition.Core.Tests.Statements;

public sealed class StatementShapeTests
{
    private static void AssertExact(Read r)
    {
        Assert.All(r.Statements, s => Assert.Equal(s.Text, r.Text[s.Content.Start..s.Content.End]));
        Assert.All(r.Statements, s => Assert.True(s.CueSpan is null || r.Text[s.CueSpan.Value.Start..s.CueSpan.Value.End] == s.Cue));
    }

    [Fact]
    public void Quote_then_name_said()
    {
        var r = Read.Of("\u201CWe will not leave Iraq,\u201D Trump said.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("We will not leave Iraq", s.Text);
        Assert.Equal("Donald Trump", s.Speaker!.Name);
        Assert.Equal("said", s.Cue);
        AssertExact(r);
    }

    [Fact]
    public void Quote_then_said_name_with_a_relative_clause()
    {
        var r = Read.Of("Mike Pompeo spoke to reporters. \"Iraq needs planes. Russia offered them,\" said Pompeo, who declined to elaborate.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Iraq needs planes. Russia offered them", s.Text);
        Assert.Equal("Mike Pompeo", s.Speaker!.Name);
        AssertExact(r);
    }

    [Fact]
    public void Name_said_then_quote()
    {
        var r = Read.Of("Sergey Lavrov said: \u201CMoscow is ready to help.\u201D");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Moscow is ready to help", s.Text);
        Assert.Equal("Sergey Lavrov", s.Speaker!.Name);
    }

    [Fact]
    public void Split_quote_gives_both_parts_without_the_attribution()
    {
        var r = Read.Of("\u201CWe will stay,\u201D Trump said, \u201Cand we will not pay for it.\u201D");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.True(s.Direct));
        Assert.All(r.Statements, s => Assert.Equal("Donald Trump", s.Speaker!.Name));
        Assert.Equal("We will stay", r.Statements[0].Text);
        Assert.Equal("and we will not pay for it", r.Statements[1].Text);
        AssertExact(r);
    }

    [Fact]
    public void Split_quote_around_name_said_in_a_statement_keeps_the_cue_out_of_the_quote()
    {
        var r = Read.Of("\"Those who attack U.S. forces will be held accountable,\" Mike Pompeo said in a statement, \"and we will act again.\"");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.DoesNotContain("said", s.Text, StringComparison.Ordinal));
        Assert.All(r.Statements, s => Assert.Equal("Mike Pompeo", s.Speaker!.Name));
        Assert.Equal("and we will act again", r.Statements[1].Text);
        AssertExact(r);
    }

    [Theory]
    [InlineData("Col.")]
    [InlineData("Brig. Gen.")]
    [InlineData("Lt. Gen.")]
    public void Quote_then_said_abbreviated_title_and_name(string title)
    {
        var r = Read.Of("\"Our aim is to destroy the terror corridor,\" said " + title + " Othman Al-Ghanimi, the army chief of staff.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Our aim is to destroy the terror corridor", s.Text);
        Assert.Contains("Ghanimi", s.Speaker!.Name, StringComparison.Ordinal);
        AssertExact(r);
    }

    [Fact]
    public void Reported_clause_starting_with_a_quantity_is_speech()
    {
        var s = Read.Of("The Kremlin said at least seven people were killed.").Single();
        Assert.Equal("at least seven people were killed", s.Text);
        Assert.Equal("RUS", s.Speaker!.Country);
    }

    [Fact]
    public void It_right_after_an_institution_s_report_is_that_institution()
    {
        var r = Read.Of("The coalition launched airstrikes on Saturday, the Kremlin said. It said at least seven people were killed.");
        Assert.Equal(2, r.Statements.Count);
        Assert.Equal("RUS", r.Statements[1].Speaker!.Country);
    }

    [Fact]
    public void A_letter_speaks_for_the_author_named_after_it()
    {
        var r = Read.Of("Iraq received a letter sent last week by Secretary of State Mike Pompeo. \"Arms deals with Russia would complicate future U.S. assistance,\" the letter said.");
        var s = r.Single();
        Assert.Equal("Mike Pompeo", s.Speaker!.Name);
        Assert.True(s.Direct);
    }

    [Fact]
    public void Relative_which_said_attributes_to_the_antecedent()
    {
        var r = Read.Of("The ruling was welcomed by the Kremlin, which said in a statement that it confirms the rights of Russia.");
        var s = r.Single();
        Assert.Equal("RUS", s.Speaker!.Country);
        Assert.StartsWith("it confirms", s.Text, StringComparison.Ordinal);
        AssertExact(r);
    }

    [Fact]
    public void Partial_quote_inside_reported_speech_stays_reported()
    {
        var r = Read.Of("Marine Gen. Frank McKenzie, the top U.S. commander in the Middle East, acknowledged recently that relations with Iraq were \u201Cin a period of turbulence.\u201D");
        var s = r.Single();
        Assert.False(s.Direct);
        Assert.Equal("Frank McKenzie", s.Speaker!.Name);
        Assert.Equal("acknowledged", s.Cue);
        Assert.StartsWith("relations with Iraq were", s.Text, StringComparison.Ordinal);
        Assert.Contains("turbulence", s.Text, StringComparison.Ordinal);
        AssertExact(r);
    }

    [Fact]
    public void He_said_adding_that_gives_two_statements_by_the_last_person()
    {
        var r = Read.Of("President Donald Trump addressed the nation. \"No Americans were harmed,\" he said, adding that Iran appeared to be standing down.");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.Equal("Donald Trump", s.Speaker!.Name));
        Assert.True(r.Statements[0].Direct);
        Assert.Equal("No Americans were harmed", r.Statements[0].Text);
        Assert.False(r.Statements[1].Direct);
        Assert.Equal("adding", r.Statements[1].Cue);
        Assert.Equal("Iran appeared to be standing down", r.Statements[1].Text);
    }

    [Fact]
    public void Reported_speech_after_said_without_that()
    {
        var r = Read.Of("Lavrov said Moscow was ready to help Iraq rebuild its armed forces.");
        var s = r.Single();
        Assert.False(s.Direct);
        Assert.Equal("Sergey Lavrov", s.Speaker!.Name);
        Assert.Equal("Moscow was ready to help Iraq rebuild its armed forces", s.Text);
    }

    [Fact]
    public void Told_reporters_that_skips_the_addressee_and_time()
    {
        var r = Read.Of("Gen. Mark Milley, the chairman of the Joint Chiefs of Staff, told reporters on Monday that the document was an unsigned draft.");
        var s = r.Single();
        Assert.Equal("Mark Milley", s.Speaker!.Name);
        Assert.Equal("told", s.Cue);
        Assert.Equal("the document was an unsigned draft", s.Text);
    }

    [Fact]
    public void Said_in_a_statement_that()
    {
        var r = Read.Of("The Pentagon said in a statement that the strike was defensive.");
        var s = r.Single();
        Assert.Equal("the strike was defensive", s.Text);
        Assert.Contains("Pentagon", s.Speaker!.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_attribution_the_kremlin_said()
    {
        var r = Read.Of("President Vladimir Putin discussed the situation with French President Emmanuel Macron by telephone, the Kremlin said.");
        var s = r.Single();
        Assert.False(s.Direct);
        Assert.StartsWith("President Vladimir Putin discussed", s.Text, StringComparison.Ordinal);
        Assert.EndsWith("by telephone", s.Text, StringComparison.Ordinal);
        Assert.Equal("RUS", s.Speaker!.Country);
    }

    [Fact]
    public void According_to_attributes_the_sentence()
    {
        var r = Read.Of("The talks covered oil and security, according to the Iraqi Foreign Ministry.");
        var s = r.Single();
        Assert.Equal("The talks covered oil and security", s.Text);
        Assert.Equal("according to", s.Cue);
        Assert.Equal("IRQ", s.Speaker!.Country);
    }

    [Fact]
    public void Participle_saying_takes_the_main_subject()
    {
        var r = Read.Of("Russia on Friday condemned the U.S. strike, calling it a reckless step that would raise tensions.");
        var s = r.Single();
        Assert.Equal("Russia", s.Speaker!.Name);
        Assert.Equal("calling", s.Cue);
        Assert.Equal("it a reckless step that would raise tensions", s.Text);
    }

    [Fact]
    public void Quote_without_cue_continues_the_previous_speaker()
    {
        var r = Read.Of("\"We have a very expensive air base there,\" Trump said. \"We're not leaving unless they pay us back for it.\"");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.Equal("Donald Trump", s.Speaker!.Name));
        Assert.Equal("We're not leaving unless they pay us back for it", r.Statements[1].Text);
    }

    [Fact]
    public void An_order_is_not_a_statement()
    {
        var r = Read.Of("The Iraqi government has told its military not to seek assistance from U.S.-led coalition forces.");
        Assert.Empty(r.Statements);
    }

    [Fact]
    public void Pronoun_he_resolves_to_the_last_person()
    {
        var r = Read.Of("Defense Secretary Mark Esper was more blunt. \"There's been no decision whatsoever to leave Iraq,\" he said.");
        Assert.Equal("Mark Esper", r.Single().Speaker!.Name);
    }

    [Fact]
    public void A_statement_from_a_ministry_is_the_ministry_speaking()
    {
        var r = Read.Of("Lavrov said the killing violated international law, according to a statement from the Russian Foreign Ministry. The strike was illegal, a statement from the Russian Foreign Ministry said.");
        Assert.Equal(2, r.Statements.Count);
        Assert.Equal("Sergey Lavrov", r.Statements[0].Speaker!.Name);
        Assert.Equal("the killing violated international law", r.Statements[0].Text);
        Assert.Contains("Foreign Ministry", r.Statements[1].Speaker!.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_said_in_a_statement_and_said_on_twitter_that()
    {
        var r = Read.Of("Saudi Arabia and Iraq signed an agreement to reopen the border crossing, the Iraqi government said in a statement. Prime Minister Adel Abdul-Mahdi said on Twitter that Iraq would not become a battleground.");
        Assert.Equal(2, r.Statements.Count);
        Assert.Equal("IRQ", r.Statements[0].Speaker!.Country);
        Assert.Equal("Saudi Arabia and Iraq signed an agreement to reopen the border crossing", r.Statements[0].Text);
        Assert.Equal("Iraq would not become a battleground", r.Statements[1].Text);
    }

    [Fact]
    public void An_appositive_name_is_the_speaker_and_that_clauses_need_no_other_check()
    {
        var r = Read.Of("The spokesman for the Iraqi military, Yehia Rasool, said in a statement that two rockets had landed in the Green Zone.");
        var s = r.Single();
        Assert.Equal("Yehia Rasool", s.Speaker!.Name);
        Assert.Equal("two rockets had landed in the Green Zone", s.Text);
    }

    [Fact]
    public void An_indefinite_speaker_is_not_an_earlier_actor()
    {
        var r = Read.Of("Foreign ministry spokesman Abbas Mousavi spoke on Monday. Germany suspended its training mission in Iraq, a defense ministry spokesman said.");
        Assert.DoesNotContain(r.Statements, s => s.Speaker?.Name == "Abbas Mousavi");
    }

    [Fact]
    public void A_dateline_is_not_part_of_the_content()
    {
        var r = Read.Of("ANKARA \u2014 Turkish Defense Minister Hulusi Akar met Iraqi officials on Monday, the Turkish Defense Ministry said.");
        var s = r.Single();
        Assert.StartsWith("Turkish Defense Minister Hulusi Akar met", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_then_name_with_appositive_then_cue()
    {
        var r = Read.Of("\"This is not our war,\" Masrour Barzani, the prime minister of the Kurdistan Regional Government, told The Associated Press.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Masrour Barzani", s.Speaker!.Name);
        Assert.Equal("This is not our war", s.Text);
    }

    [Fact]
    public void The_person_at_the_end_of_a_title_phrase_speaks()
    {
        var r = Read.Of("\"The response will be decisive,\" Iranian Foreign Ministry spokesman Abbas Mousavi told reporters in Tehran, \"and it will come at a time of our choosing.\"");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.Equal("Abbas Mousavi", s.Speaker!.Name));
        Assert.EndsWith("at a time of our choosing", r.Statements[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Told_the_addressee_then_a_colon_and_a_quote()
    {
        var r = Read.Of("Defense Secretary Mark Esper told reporters at the Pentagon: \u201CWe are ready for anything.\u201D");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Mark Esper", s.Speaker!.Name);
        Assert.Equal("We are ready for anything", s.Text);
    }

    [Fact]
    public void Attribution_inside_the_sentence()
    {
        var r = Read.Of("The strike, Defense Secretary Mark Esper said, was a defensive action.");
        var s = r.Single();
        Assert.Equal("Mark Esper", s.Speaker!.Name);
        Assert.StartsWith("The strike", s.Text, StringComparison.Ordinal);
        Assert.EndsWith("was a defensive action", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_inside_the_reported_clause_is_not_an_inverted_speaker()
    {
        var r = Read.Of("U.S. officials, speaking on condition of anonymity, said the attack was carried out by Iran-backed militias.");
        var s = r.Single();
        Assert.Equal("the attack was carried out by Iran-backed militias", s.Text);
        Assert.Equal("USA", s.Speaker!.Country);
    }
}
