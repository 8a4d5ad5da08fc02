using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Temporal;

public class EventDaterTests
{
    private sealed class Story(string body, DateOnly published)
    {
        private readonly TextDocument doc = TextSegmenter.Segment(body);
        private EventDater? dater;

        private EventDater Dater => dater ??= new EventDater(doc, TemporalTagger.Tag(doc, published), published);

        /// <summary>Dates the event whose trigger is the <paramref name="occurrence"/>-th appearance of <paramref name="trigger"/>.</summary>
        public EventDate Date(string trigger, bool reported = false, int occurrence = 1)
        {
            var at = -1;
            for (var n = 0; n < occurrence; n++)
            {
                at = body.IndexOf(trigger, at + 1, StringComparison.Ordinal);
            }

            Assert.True(at >= 0, $"trigger '{trigger}' not in text");
            var t = new Span(at, at + trigger.Length);
            var sentence = doc.Sentences[doc.SentenceIndexAt(at)];
            return Dater.DateFor(sentence, t, reported);
        }
    }

    private static readonly DateOnly Tuesday = new(2019, 10, 8);
    private static readonly DateOnly Monday = new(2020, 1, 6);
    private static readonly DateOnly Wednesday = new(2020, 2, 5);

    [Fact]
    public void Own_date_in_the_clause_dates_the_event()
    {
        var d = new Story("CAIRO — The foreign minister arrived in Cairo on Monday for talks on trade.", Tuesday).Date("arrived");
        Assert.Equal(("2019-10-07", "2019-10-07", "2019-10-07", "day", "Monday"), (d.Value, d.Start, d.End, d.Precision, d.Text));
    }

    [Fact]
    public void Past_narration_carries_the_date_to_following_sentences()
    {
        var s = new Story(
            "The foreign minister arrived in Cairo on Monday for talks.\n"
            + "He met with the president. The ministry said the sides discussed trade.\n"
            + "At a news conference, he thanked Egypt for its support.", Tuesday);
        Assert.Equal("2019-10-07", s.Date("met").Value);
        Assert.Null(s.Date("met").Text);
        Assert.Equal("2019-10-07", s.Date("discussed").Value);
        Assert.Equal("2019-10-07", s.Date("thanked").Value);
    }

    [Fact]
    public void Present_perfect_does_not_inherit_the_story_date()
    {
        var s = new Story("The minister arrived in Cairo on Monday. Washington has pressed Cairo to limit its dealings with Moscow.", Tuesday);
        var d = s.Date("pressed");
        Assert.Equal("range", d.Precision);
        Assert.Equal("2019-10-08", d.End);
        Assert.Equal("2019-10-08", d.Value);
        Assert.Equal("2019-10-07", d.Start);
    }

    [Fact]
    public void Previously_marks_an_earlier_event()
    {
        var s = new Story("The minister arrived in Cairo on Monday. He previously visited Egypt as a senator.", Tuesday);
        var d = s.Date("visited");
        Assert.Equal("range", d.Precision);
        Assert.True(string.CompareOrdinal(d.Value, "2019-10-07") < 0, d.Value);
    }

    [Fact]
    public void Carry_over_stops_after_a_paragraph_without_narration()
    {
        var s = new Story(
            "The minister arrived in Cairo on Monday.\nRelations have improved since the war ended.\nThe minister praised the army.", Tuesday);
        var d = s.Date("praised");
        Assert.Equal("range", d.Precision);
        Assert.Equal("2019-10-08", d.End);
    }

    [Fact]
    public void Future_weekday_is_the_next_one()
    {
        var s = new Story("The minister met the president on Monday. He was due to travel on Tuesday to Erbil.", Tuesday);
        Assert.Equal("2019-10-08", s.Date("travel").Value);
        Assert.Equal("2019-10-07", s.Date("met").Value);
    }

    [Fact]
    public void Event_inside_an_after_phrase_takes_its_date_and_the_main_clause_follows_it()
    {
        var s = new Story(
            "The meeting comes at an uncertain moment, following the Jan. 3 U.S. drone strike that killed a general near the airport.", Wednesday);
        var strike = s.Date("strike");
        Assert.Equal(("2020-01-03", "day"), (strike.Value, strike.Precision));
        var meeting = s.Date("meeting");
        Assert.Equal(("2020-01-03", "2020-02-05", "range"), (meeting.Start, meeting.End, meeting.Precision));
        Assert.Equal("Jan. 3", meeting.Text);
    }

    [Fact]
    public void Offset_phrase_dates_its_anchor_from_the_main_clause()
    {
        var s = new Story("Parliament voted on Sunday to expel foreign troops, two days after a drone strike killed the general.", Monday);
        Assert.Equal("2020-01-05", s.Date("voted").Value);
        var strike = s.Date("strike");
        Assert.Equal(("2020-01-03", "day"), (strike.Value, strike.Precision));
    }

    [Fact]
    public void Offset_phrase_uses_the_carried_story_date()
    {
        var s = new Story(
            "The Pentagon scrambled on Monday to explain a letter. Officials said it was a draft.\nThe episode came a day after lawmakers voted to expel troops.",
            new DateOnly(2020, 1, 7));
        Assert.Equal("2020-01-05", s.Date("voted").Value);
        Assert.Equal("2020-01-06", s.Date("came").Value);
    }

    [Fact]
    public void Since_then_places_the_event_after_the_last_date()
    {
        var s = new Story("A drone strike killed the general on Jan. 3. Since then, leaders have softened their tone.", Wednesday);
        var d = s.Date("softened");
        Assert.Equal(("2020-01-03", "2020-02-05", "range"), (d.Start, d.End, d.Precision));
    }

    [Fact]
    public void A_later_mention_of_the_dated_event_is_an_anchor()
    {
        var s = new Story(
            "Tensions rose after the Jan. 3 strike on the airport.\nIn response to the attack, parliament passed a resolution urging a withdrawal.", Wednesday);
        var d = s.Date("passed");
        Assert.Equal(("2020-01-03", "2020-02-05", "range"), (d.Start, d.End, d.Precision));
    }

    [Fact]
    public void Reported_speech_without_a_date_ends_at_publication()
    {
        var s = new Story("Officials said the talks had stalled over funding.", Wednesday);
        var d = s.Date("stalled", reported: true);
        Assert.Equal(("2020-01-06", "2020-02-05", "2020-02-05", "range"), (d.Start, d.End, d.Value, d.Precision));
    }

    [Fact]
    public void Range_starts_at_the_latest_anchor_the_article_established()
    {
        var s = new Story("The strike came on Jan. 3 and shocked the region.\nIraq has told its military to minimize cooperation.", Wednesday);
        var d = s.Date("told");
        Assert.Equal(("2020-01-03", "2020-02-05"), (d.Start, d.End));
    }

    [Fact]
    public void This_week_gives_the_week_up_to_publication()
    {
        var s = new Story("Officials told reporters this week that cooperation was limited.", Wednesday);
        var d = s.Date("told");
        Assert.Equal(("2020-02-03", "2020-02-05", "week", "this week"), (d.Start, d.End, d.Precision, d.Text));
        Assert.Equal("2020-02-04", d.Value);
    }

    [Fact]
    public void Last_week_places_the_event_in_the_previous_week()
    {
        var s = new Story("Iran fired missiles early Wednesday, in retaliation for the killing of its general last week.", new DateOnly(2020, 1, 8));
        var killing = s.Date("killing");
        Assert.Equal(("2019-12-30", "2020-01-05", "week"), (killing.Start, killing.End, killing.Precision));
        Assert.Equal("2020-01-08", s.Date("fired").Value);
    }

    [Fact]
    public void Recently_is_a_range_named_by_the_word()
    {
        var s = new Story("The commander acknowledged recently that relations were in a period of turbulence.", Wednesday);
        var d = s.Date("acknowledged");
        Assert.Equal(("range", "recently", "2020-02-05"), (d.Precision, d.Text, d.End));
    }

    [Fact]
    public void Relative_dates_inside_quotes_do_not_move_the_story()
    {
        var s = new Story(
            "Missiles struck the base early Wednesday.\n\"Nobody was harmed in last night's attack,\" the president said.\nThe president announced new sanctions.",
            new DateOnly(2020, 1, 8));
        Assert.Equal("2020-01-08", s.Date("announced").Value);
        Assert.Equal("2020-01-07", s.Date("attack").Value);
        Assert.Equal("2020-01-08", s.Date("said").Value);
    }

    [Fact]
    public void Since_in_a_relative_clause_does_not_date_the_main_verb()
    {
        var s = new Story("Lawmakers voted on Sunday.\nThe resolution asks the government to end the mission of the coalition that has fought the group since 2014.", Monday);
        Assert.Equal("2020-01-05", s.Date("asks").Value);
    }

    [Fact]
    public void A_date_in_a_relative_clause_dates_only_that_clause()
    {
        var s = new Story("Trump, who visited the base in December, said on Monday that troops would stay.", Monday);
        Assert.Equal("2020-01-06", s.Date("said").Value);
        Assert.Equal(("2019-12-01", "2019-12-31"), (s.Date("visited").Start, s.Date("visited").End));
    }

    [Fact]
    public void A_date_on_an_event_noun_in_a_prepositional_phrase_is_that_events()
    {
        var s = new Story(
            "Protesters withdrew on Wednesday.\nWashington blamed the group for a rocket attack on Dec. 27 that killed a contractor.", new DateOnly(2020, 1, 2));
        Assert.Equal("2019-12-27", s.Date("attack").Value);
        Assert.Equal("2020-01-01", s.Date("blamed").Value);
    }

    [Fact]
    public void Launching_an_attack_on_a_day_keeps_that_day()
    {
        var s = new Story("The militia launched an attack on Sunday.", Monday);
        Assert.Equal("2020-01-05", s.Date("launched").Value);
    }

    [Fact]
    public void Followed_puts_the_subject_after_its_object()
    {
        var s = new Story("Crowds stormed the embassy on Tuesday.\nThe attack followed U.S. airstrikes on Sunday that killed 25 fighters.", new DateOnly(2020, 1, 1));
        Assert.Equal("2019-12-29", s.Date("airstrikes").Value);
        var attack = s.Date("attack");
        Assert.Equal(("2019-12-29", "2019-12-31", "range"), (attack.Start, attack.End, attack.Precision));
    }

    [Fact]
    public void Undated_future_event_starts_at_publication()
    {
        var s = new Story("The minister will visit Moscow to discuss arms purchases.", Wednesday);
        var d = s.Date("visit");
        Assert.Equal(("2020-02-05", "2020-02-05", "range"), (d.Start, d.Value, d.Precision));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n ")]
    public void Empty_bodies_give_a_range_before_publication(string body)
    {
        var doc = TextSegmenter.Segment(body);
        Assert.Empty(doc.Sentences);
        var d = new EventDater(doc, TemporalTagger.Tag(doc, Wednesday), Wednesday).DateFor(new Span(0, 0), new Span(0, 0), false);
        Assert.Equal(("2020-01-06", "2020-02-05", "2020-02-05"), (d.Start, d.End, d.Value));
    }

    [Fact]
    public void Values_are_iso_days_and_inside_the_interval()
    {
        var s = new Story(
            "BAGHDAD — Lawmakers voted in late December. The coalition said last month that it paused training. Talks resume next month.",
            Wednesday);
        foreach (var trigger in new[] { "voted", "paused", "resume" })
        {
            var d = s.Date(trigger);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d.Value);
            Assert.True(string.CompareOrdinal(d.Start, d.Value) <= 0 && string.CompareOrdinal(d.Value, d.End) <= 0, $"{trigger}: {d}");
        }

        Assert.Equal(("2019-12-21", "2019-12-31"), (s.Date("voted").Start, s.Date("voted").End));
    }
}
