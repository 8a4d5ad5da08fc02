using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Temporal;

public class TemporalTaggerTests
{
    // A Wednesday, like many wire stories' publication days.
    private static readonly DateOnly Wednesday = new(2020, 1, 8);

    internal static IReadOnlyList<TemporalExpression> Tag(string body, DateOnly? published = null) =>
        TemporalTagger.Tag(TextSegmenter.Segment(body), published ?? Wednesday);

    private static TemporalExpression Only(string body, DateOnly? published = null)
    {
        var all = Tag(body, published);
        return Assert.Single(all);
    }

    [Theory]
    [InlineData("The attack happened on Jan. 3.", "Jan. 3", "2020-01-03")]
    [InlineData("Talks began on Dec. 30 in Doha.", "Dec. 30", "2019-12-30")]
    [InlineData("He arrived on March 19 for talks.", "March 19", "2019-03-19")]
    [InlineData("He will arrive on March 19 for talks.", "March 19", "2020-03-19")]
    [InlineData("The deal was signed January 30, 2020, in Baghdad.", "January 30, 2020", "2020-01-30")]
    [InlineData("It was signed on 3 January 2020 in Baghdad.", "3 January 2020", "2020-01-03")]
    [InlineData("It was signed on the 3rd of January.", "the 3rd of January", "2020-01-03")]
    [InlineData("The file is dated 2020-01-03.", "2020-01-03", "2020-01-03")]
    [InlineData("The file is dated 1/3/2020.", "1/3/2020", "2020-01-03")]
    [InlineData("The vote is scheduled for Feb. 3.", "Feb. 3", "2020-02-03")]
    [InlineData("Officials said the vote would be held on March 19.", "March 19", "2020-03-19")]
    [InlineData("Sept. 11 changed everything, officials said.", "Sept. 11", "2019-09-11")]
    public void Absolute_days_with_and_without_year(string body, string text, string value)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(value, t.Value);
        Assert.Equal("day", t.Precision);
        Assert.Equal(DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture), t.Start);
    }

    [Theory]
    [InlineData("Protests erupted in October.", "October", "2019-10", "month")]
    [InlineData("Troops left in January 2020.", "January 2020", "2020-01", "month")]
    [InlineData("He was elected in 2019.", "2019", "2019", "year")]
    [InlineData("The coalition has fought the group since 2014.", "2014", "2014", "year")]
    [InlineData("Officials will decide in May.", "May", "2020-05", "month")]
    [InlineData("It grew in the 1990s.", "the 1990s", "199", "range")]
    [InlineData("Sales fell in the third quarter of 2019.", "the third quarter of 2019", "2019-Q3", "range")]
    [InlineData("It was hot last summer.", "last summer", "2019-SU", "range")]
    [InlineData("Sales fell in the first half of 2019.", "the first half of 2019", "2019-H1", "range")]
    [InlineData("The company reported earnings in the fourth quarter.", "the fourth quarter", "2019-Q4", "range")]
    [InlineData("Fighting resumed in spring 2019.", "spring 2019", "2019-SP", "range")]
    [InlineData("The firm reported third-quarter profit.", "third-quarter", "2019-Q3", "range")]
    [InlineData("Protests spread in the summer.", "the summer", "2019-SU", "range")]
    [InlineData("Troops will leave in the summer.", "the summer", "2020-SU", "range")]
    [InlineData("It snowed in the winter.", "the winter", "2019-WI", "range")]
    public void Months_years_and_longer_periods(string body, string text, string value, string precision)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal(value, t.Value);
        Assert.Equal(precision, t.Precision);
    }

    [Fact]
    public void Since_and_in_are_recorded_as_signals()
    {
        Assert.Equal("since", Only("The coalition has fought the group since 2014.").Signal);
        Assert.Equal("in", Only("He was elected in 2019.").Signal);
    }

    [Theory]
    [InlineData("He said it on Sunday.", "2020-01-05")]
    [InlineData("She spoke on Wednesday.", "2020-01-08")]
    [InlineData("Iran launched missiles early Wednesday.", "2020-01-08")]
    [InlineData("He will travel on Tuesday.", "2020-01-14")]
    [InlineData("Lavrov was due to travel on Tuesday to Erbil.", "2020-01-14")]
    [InlineData("The summit is scheduled for Friday.", "2020-01-10")]
    [InlineData("They met last Wednesday.", "2020-01-01")]
    [InlineData("They meet next Wednesday.", "2020-01-15")]
    [InlineData("Lawmakers voted Thursday.", "2020-01-02")]
    public void Weekdays_follow_the_tense_of_their_clause(string body, string value)
    {
        Assert.Equal(value, Only(body).Value);
    }

    [Fact]
    public void Weekday_with_explicit_date_is_one_expression()
    {
        var t = Only("Parliament met Monday, Jan. 6, in Baghdad.");
        Assert.Equal("Monday, Jan. 6", t.Text);
        Assert.Equal("2020-01-06", t.Value);
    }

    [Theory]
    [InlineData("It happened today.", "today", "DATE", "2020-01-08")]
    [InlineData("It happened yesterday.", "yesterday", "DATE", "2020-01-07")]
    [InlineData("It happens tomorrow.", "tomorrow", "DATE", "2020-01-09")]
    [InlineData("He speaks tonight.", "tonight", "TIME", "2020-01-08TNI")]
    [InlineData("No one was harmed in last night's attack.", "last night", "TIME", "2020-01-07TNI")]
    [InlineData("Sunday’s vote was close.", "Sunday", "DATE", "2020-01-05")]
    [InlineData("Officials met this morning.", "this morning", "TIME", "2020-01-08TMO")]
    [InlineData("Rockets hit the base Sunday night.", "Sunday night", "TIME", "2020-01-05TNI")]
    [InlineData("Trump responded late Sunday.", "late Sunday", "DATE", "2020-01-05")]
    [InlineData("The strike came at 3 p.m. local time.", "3 p.m.", "TIME", "2020-01-08T15:00")]
    [InlineData("The strike came at 10:30 a.m.", "10:30 a.m.", "TIME", "2020-01-08T10:30")]
    [InlineData("A message arrived shortly after midnight.", "midnight", "TIME", "2020-01-08T00:00")]
    [InlineData("They met again at 4 p.m. Monday.", "4 p.m. Monday", "TIME", "2020-01-06T16:00")]
    [InlineData("A ceasefire began at midnight Sunday.", "midnight Sunday", "TIME", "2020-01-05T00:00")]
    public void Deictic_days_and_times(string body, string text, string type, string value)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal(type, t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void Late_and_early_days_carry_a_modifier()
    {
        Assert.Equal("END", Only("Trump responded late Sunday.").Mod);
        Assert.Equal("START", Only("Missiles hit early Wednesday.").Mod);
    }

    [Theory]
    [InlineData("They spoke this week.", "this week", "2020-W02", "2020-01-06", "2020-01-12")]
    [InlineData("He was killed last week.", "last week", "2020-W01", "2019-12-30", "2020-01-05")]
    [InlineData("They will meet next week.", "next week", "2020-W03", "2020-01-13", "2020-01-19")]
    [InlineData("Prices rose last month.", "last month", "2019-12", "2019-12-01", "2019-12-31")]
    [InlineData("Talks resume next month.", "next month", "2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("Talks were held this month.", "this month", "2020-01", "2020-01-01", "2020-01-31")]
    [InlineData("It was bad last year.", "last year", "2019", "2019-01-01", "2019-12-31")]
    [InlineData("It is bad this year.", "this year", "2020", "2020-01-01", "2020-12-31")]
    [InlineData("It will be better next year.", "next year", "2021", "2021-01-01", "2021-12-31")]
    [InlineData("Fighting flared in late December.", "late December", "2019-12", "2019-12-21", "2019-12-31")]
    [InlineData("Fighting flared in mid-December.", "mid-December", "2019-12", "2019-12-11", "2019-12-20")]
    [InlineData("Envoys met earlier this month.", "earlier this month", "2020-01", "2020-01-01", "2020-01-07")]
    [InlineData("Elections are due later this year.", "later this year", "2020", "2020-01-09", "2020-12-31")]
    [InlineData("Fighting flared late last year.", "late last year", "2019", "2019-09-01", "2019-12-31")]
    [InlineData("Profit rose in the current quarter.", "the current quarter", "2020-Q1", "2020-01-01", "2020-03-31")]
    [InlineData("Troops may leave by the end of the year.", "the end of the year", "2020", "2020-09-01", "2020-12-31")]
    [InlineData("The envoy arrived on Tuesday last week.", "Tuesday last week", "2019-12-31", "2019-12-31", "2019-12-31")]
    [InlineData("The vote is on Friday next week.", "Friday next week", "2020-01-17", "2020-01-17", "2020-01-17")]
    public void Relative_weeks_months_and_years(string body, string text, string value, string start, string end)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal(value, t.Value);
        Assert.Equal(start, t.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, t.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("McKenzie acknowledged recently that relations were poor.", "recently", "PAST_REF")]
    [InlineData("Relations are now strained.", "now", "PRESENT_REF")]
    [InlineData("Troops are currently in Iraq.", "currently", "PRESENT_REF")]
    [InlineData("Attacks rose in recent weeks.", "recent weeks", "PAST_REF")]
    [InlineData("More talks are expected in the coming days.", "the coming days", "FUTURE_REF")]
    [InlineData("Iraq will rebuild in the future.", "the future", "FUTURE_REF")]
    public void Vague_references(string body, string text, string value)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal(value, t.Value);
        Assert.Null(t.Start);
    }

    [Theory]
    [InlineData("The war lasted six years.", "six years", "P6Y")]
    [InlineData("The siege lasted three days.", "three days", "P3D")]
    [InlineData("He has served for six years.", "six years", "P6Y")]
    [InlineData("It was the first visit in six years.", "six years", "P6Y")]
    [InlineData("The ceasefire held for 24 hours.", "24 hours", "PT24H")]
    [InlineData("Talks lasted several months.", "several months", "PXM")]
    [InlineData("He stayed for a few days.", "a few days", "PXD")]
    [InlineData("A six-year war ended.", "six-year", "P6Y")]
    [InlineData("They have fought for years.", "years", "PXY")]
    [InlineData("It took more than two weeks.", "more than two weeks", "P2W")]
    [InlineData("Prices rose over the past three years.", "the past three years", "P3Y")]
    [InlineData("He waited for a year.", "a year", "P1Y")]
    [InlineData("Output rose in the first nine months.", "the first nine months", "P9M")]
    [InlineData("A deal is expected within days.", "days", "PXD")]
    [InlineData("The strike lasted twenty-five days.", "twenty-five days", "P25D")]
    [InlineData("It was a twenty-five-day strike.", "twenty-five-day", "P25D")]
    public void Durations(string body, string text, string value)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal("DURATION", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("The group was founded two years ago.", "two years ago", "2018")]
    [InlineData("He arrived three days ago.", "three days ago", "2020-01-05")]
    [InlineData("It happened a month ago.", "a month ago", "2019-12")]
    public void Ago_counts_back_from_publication(string body, string text, string value)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Officials report daily.", "daily", "P1D")]
    [InlineData("They meet every Monday.", "every Monday", "XXXX-WXX-1")]
    [InlineData("Inspections happen every two weeks.", "every two weeks", "P2W")]
    [InlineData("The council meets once a month.", "once a month", "P1M")]
    public void Sets(string body, string text, string value)
    {
        var t = Only(body);
        Assert.Equal(text, t.Text);
        Assert.Equal("SET", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void Next_day_and_later_resolve_against_the_last_stated_day()
    {
        var all = Tag("The strike came on Jan. 3. The next day, crowds gathered. Two days later, parliament voted.");
        // "Two days later" counts from the last day mentioned, the day after the strike.
        Assert.Equal(["2020-01-03", "2020-01-04", "2020-01-06"], all.Select(t => t.Value));
    }

    [Fact]
    public void Offset_from_a_dated_anchor_resolves_to_a_day()
    {
        var t = Tag("Lawmakers voted two days after the Jan. 3 strike.")[0];
        Assert.Equal("two days", t.Text);
        Assert.Equal("DATE", t.Type);
        Assert.Equal("2020-01-05", t.Value);
    }

    [Fact]
    public void Offset_from_an_undated_anchor_keeps_the_anchor_phrase()
    {
        const string body = "Parliament voted on Sunday, two days after a U.S. airstrike in Baghdad killed Iranian Gen. Qassem Soleimani.";
        var all = Tag(body);
        Assert.Equal(2, all.Count);
        var rel = all[1];
        Assert.Equal("P2D", rel.Value);
        Assert.NotNull(rel.Anchor);
        Assert.Equal("after", rel.Anchor.Signal);
        Assert.Equal(2, rel.Anchor.OffsetDays);
        Assert.Equal("a U.S. airstrike in Baghdad killed Iranian Gen. Qassem Soleimani", rel.Anchor.Scope.Slice(body));
    }

    [Fact]
    public void Days_later_is_a_range_after_the_last_date()
    {
        var t = Tag("The strike came on Jan. 3. Days later, Iran fired missiles.")[1];
        Assert.Equal(("Days later", "PXD"), (t.Text, t.Value));
        Assert.Equal((new DateOnly(2020, 1, 4), new DateOnly(2020, 1, 10)), (t.Start, t.End));
    }

    [Theory]
    [InlineData("Talks began on Jan. 3. Officials had met the day before.", "2020-01-02")]
    [InlineData("Talks began on Jan. 3. They resumed the day after", "2020-01-04")]
    public void The_day_before_without_an_anchor_counts_from_the_last_date(string body, string value)
    {
        Assert.Equal(value, Tag(body)[1].Value);
    }

    [Fact]
    public void Hours_after_is_a_same_day_anchor()
    {
        var t = Only("Protesters gathered hours after the strike.");
        Assert.Equal("hours", t.Text);
        Assert.Equal("PTXH", t.Value);
        Assert.Equal(0, t.Anchor?.OffsetDays);
    }

    [Fact]
    public void A_day_before_gives_a_negative_offset()
    {
        var t = Only("The letter was sent a day before the vote.");
        Assert.Equal(-1, t.Anchor?.OffsetDays);
    }

    [Theory]
    [InlineData("May I ask a question?")]
    [InlineData("Protesters march on the capital.")]
    [InlineData("The army sent 2000 soldiers.")]
    [InlineData("It cost $2020 in total.")]
    [InlineData("A day of mourning was declared.")]
    [InlineData("The future of Iraq is uncertain.")]
    [InlineData("The Jan meeting was postponed.")]
    [InlineData("He is a 10-year-old boy.")]
    [InlineData("The Wed file was lost.")]
    public void Not_temporal(string body) => Assert.Empty(Tag(body));

    [Fact]
    public void Offsets_are_exact_for_every_expression()
    {
        const string body = "BAGHDAD — On Jan. 3, 2020, a strike hit. “Last night’s attack,” he said on Sunday, “was planned for weeks.”\n"
                            + "Officials met this week and will meet again next Tuesday at 3 p.m., six years after the war began in 2014.";
        var all = Tag(body);
        Assert.True(all.Count >= 7);
        Assert.All(all, t => Assert.Equal(t.Text, t.Span.Slice(body)));
    }

    [Fact]
    public void Tense_is_recorded()
    {
        Assert.Equal(Tense.Future, Only("He will travel on Tuesday.").Tense);
        Assert.Equal(Tense.Past, Only("He travelled on Tuesday.").Tense);
    }
}
