using IraqCoalition.Core.Charts;

namespace IraqCoalition.Core.Tests.Charts;

public sealed class DayScaleTests
{
    private static readonly DateOnly Strike = new(2020, 1, 3);

    // Four weeks from Monday 23 Dec 2019 on 700 px: 25 px a day.
    private static readonly DayScale Scale = DayScale.OfWeeks(new DateOnly(2019, 12, 23), 4, 100, 700);

    [Fact]
    public void A_week_bar_spans_its_seven_days()
    {
        var (x, width) = Scale.WeekBar(new DateOnly(2019, 12, 30), gap: 0);

        Assert.Equal(25, Scale.DayWidth);
        Assert.Equal(Scale.StartOf(new DateOnly(2019, 12, 30)), x);
        Assert.Equal(Scale.StartOf(new DateOnly(2020, 1, 6)), x + width);
        Assert.Equal(275, x);
        Assert.Equal(175, width);
    }

    [Fact]
    public void The_strike_marker_sits_inside_the_bar_of_its_week_so_a_5_January_bar_is_not_left_of_it()
    {
        var marker = Scale.MiddleOf(Strike);
        var (x, width) = Scale.WeekBar(new DateOnly(2019, 12, 30));
        var (nextX, _) = Scale.WeekBar(new DateOnly(2020, 1, 6));

        Assert.Equal(100 + 11 * 25 + 12.5, marker);
        Assert.InRange(marker, x, x + width);
        // 5 January belongs to the strike's week: its day slot is right of the marker, within the same bar.
        Assert.True(Scale.MiddleOf(new DateOnly(2020, 1, 5)) > marker);
        Assert.True(Scale.MiddleOf(new DateOnly(2020, 1, 5)) < x + width);
        Assert.True(nextX > marker);
        Assert.Equal(x + width / 2, Scale.MiddleOfWeek(new DateOnly(2019, 12, 30)), 6);
    }

    [Fact]
    public void Days_outside_the_axis_are_not_on_it_and_gaps_stay_within_a_day()
    {
        Assert.True(Scale.Contains(new DateOnly(2019, 12, 23)));
        Assert.True(Scale.Contains(new DateOnly(2020, 1, 19)));
        Assert.False(Scale.Contains(new DateOnly(2020, 1, 20)));
        Assert.False(Scale.Contains(new DateOnly(2019, 12, 22)));
        var tiny = DayScale.OfWeeks(new DateOnly(2019, 12, 23), 100, 0, 700);
        Assert.True(tiny.WeekBar(new DateOnly(2019, 12, 23), gap: 5).Width > 6 * tiny.DayWidth);
    }
}
