using IraqCoalition.Core.Dyads;

namespace IraqCoalition.Core.Tests.Dyads;

public sealed class DyadAggregatorTests
{
    private static readonly DateOnly Jan3 = new(2020, 1, 3);

    [Fact]
    public void Pairs_are_unordered()
    {
        Assert.Equal(new Dyad("USA", "IRQ"), new Dyad("irq", "usa"));
        Assert.Equal("IRQ-USA", Dyad.Parse("USA-IRQ").ToString());
        Assert.Throws<FormatException>(() => Dyad.Parse("Iraq"));
    }

    [Fact]
    public void Counts_mean_goldstein_and_quad_classes_per_week()
    {
        DyadEvent[] events =
        [
            new("USA", "IRQ", Jan3, -10.0, 4),
            new("IRQ", "USA", Jan3.AddDays(2), -5.0, 3),
            new("IRQ", "RUS", Jan3, 3.4, 1),
            new("IRQ", "IRQ", Jan3, 1.0, 1),
            new(null, "IRQ", Jan3, 1.0, 1),
            new("IRQ", "USA", Jan3.AddDays(10), 1.0, 1),
        ];
        var stats = DyadAggregator.Aggregate(events, DyadPeriod.Week);
        Assert.Equal(3, stats.Count);
        var first = stats.Single(s => s.Dyad.ToString() == "IRQ-USA" && s.PeriodStart == new DateOnly(2019, 12, 30));
        Assert.Equal(2, first.Events);
        Assert.Equal(-7.5, first.MeanGoldstein);
        Assert.Equal(1, first.QuadCount(3));
        Assert.Equal(1, first.QuadCount(4));
        Assert.Equal(0, first.QuadCount(1));
        var russia = stats.Single(s => s.Dyad.ToString() == "IRQ-RUS");
        Assert.Equal(3.4, russia.MeanGoldstein);
        Assert.Equal(1, russia.VerbalCooperation);
    }

    [Fact]
    public void Periods_start_on_monday_month_and_year()
    {
        Assert.Equal(new DateOnly(2019, 12, 30), DyadAggregator.PeriodStart(Jan3, DyadPeriod.Week));
        Assert.Equal(new DateOnly(2020, 1, 1), DyadAggregator.PeriodStart(Jan3, DyadPeriod.Month));
        Assert.Equal(new DateOnly(2020, 1, 1), DyadAggregator.PeriodStart(Jan3, DyadPeriod.Year));
        Assert.Equal(Jan3, DyadAggregator.PeriodStart(Jan3, DyadPeriod.Day));
    }

    [Fact]
    public void Total_is_null_without_events_and_rejects_bad_quad_classes()
    {
        Assert.Null(DyadAggregator.Total([], new Dyad("IRQ", "USA")));
        var total = DyadAggregator.Total([new DyadEvent("IRQ", "USA", Jan3, -4, 4), new DyadEvent("USA", "IRQ", Jan3, 2, 1)], new Dyad("IRQ", "USA"))!;
        Assert.Equal(2, total.Events);
        Assert.Equal(-1, total.MeanGoldstein);
        Assert.Throws<ArgumentException>(() => DyadAggregator.Aggregate([new DyadEvent("IRQ", "USA", Jan3, 0, 7)], DyadPeriod.Day));
        Assert.Equal(Jan3, DyadAggregator.ParseDay("2020-01-03"));
    }
}
