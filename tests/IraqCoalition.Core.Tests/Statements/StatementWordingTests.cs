using IraqCoalition.Core.Statements;

namespace IraqCoalition.Core.Tests.Statements;

public class StatementWordingTests
{
    [Fact]
    public void Reported_speech_is_plain_text_after_a_lead_and_its_partial_quote_is_closed()
    {
        // The span the extractor stores for McKenzie's words stops before the closing mark.
        var shown = StatementWording.Display("relations with Iraq were \u201Cin a period of turbulence", direct: false);

        Assert.False(shown.Quoted);
        Assert.Equal("relations with Iraq were \u201Cin a period of turbulence\u201D", shown.Text);
        Assert.Equal("reported: relations with Iraq were \u201Cin a period of turbulence\u201D", shown.ToString());
    }

    [Fact]
    public void A_direct_quote_is_quoted_and_a_quote_inside_it_takes_single_marks()
    {
        var shown = StatementWording.Display("We will not accept \u201Ca violation of our sovereignty\u201D again.", direct: true);

        Assert.True(shown.Quoted);
        Assert.Equal("\u201CWe will not accept \u2018a violation of our sovereignty\u2019 again.\u201D", shown.ToString());
    }

    [Fact]
    public void An_inner_quote_left_open_in_a_direct_quote_is_closed_inside_the_outer_marks()
    {
        var shown = StatementWording.Display("relations with Iraq were \u201Cin a period of turbulence", direct: true);

        Assert.Equal("\u201Crelations with Iraq were \u2018in a period of turbulence\u2019\u201D", shown.ToString());
    }

    [Fact]
    public void Straight_marks_are_read_as_opening_and_closing_by_position()
    {
        var shown = StatementWording.Display("the letter was \"a draft\" and \"not final", direct: false);

        Assert.Equal("the letter was \u201Ca draft\u201D and \u201Cnot final\u201D", shown.Text);
    }

    [Fact]
    public void A_closing_mark_whose_opening_fell_outside_the_span_is_opened_at_the_start()
    {
        var shown = StatementWording.Display("a period of turbulence,\u201D the general said", direct: false);

        Assert.Equal("\u201Ca period of turbulence,\u201D the general said", shown.Text);
    }

    [Fact]
    public void Apostrophes_are_not_quotation_marks()
    {
        var shown = StatementWording.Display("Iraq\u2019s forces and the allies\u2019 bases aren't leaving", direct: true);

        Assert.Equal("Iraq\u2019s forces and the allies\u2019 bases aren't leaving", shown.Text);
    }

    [Fact]
    public void Single_quotes_inside_a_direct_quote_stay_balanced_at_the_next_depth()
    {
        var shown = StatementWording.Display("He called it \u2018a betrayal\u2019 of the deal", direct: true);

        Assert.Equal("He called it \u2018a betrayal\u2019 of the deal", shown.Text);
        var nested = StatementWording.Display("They said \u201Cit was \u2018a betrayal\u2019\u201D", direct: true);
        Assert.Equal("They said \u2018it was \u201Ca betrayal\u201D\u2019", nested.Text);
    }

    [Fact]
    public void Marks_stored_around_a_direct_quote_are_not_doubled()
    {
        var shown = StatementWording.Display("  \u201CNo Americans were harmed.\u201D ", direct: true);

        Assert.Equal("\u201CNo Americans were harmed.\u201D", shown.ToString());
    }

    [Theory]
    [InlineData("plain words, no quotes")]
    [InlineData("")]
    public void Text_without_marks_is_kept_as_it_is(string text)
    {
        Assert.Equal(text, StatementWording.Display(text, direct: false).Text);
        Assert.Equal(text, StatementWording.Display(text, direct: true).Text);
    }
}
