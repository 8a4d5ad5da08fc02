using IraqCoalition.Core.Dyads;

namespace IraqCoalition.Core.Tests.Dyads;

public sealed class ToneTests
{
    [Theory]
    [InlineData(1, 0.0, Tone.Neutral)] // 010 make statement
    [InlineData(1, 3.4, Tone.VerbalCooperation)]
    [InlineData(1, -0.4, Tone.VerbalCooperation)] // 012 pessimistic comment keeps its quad class
    [InlineData(2, 7.4, Tone.MaterialCooperation)]
    [InlineData(3, -2.0, Tone.VerbalConflict)]
    [InlineData(4, -10.0, Tone.MaterialConflict)]
    public void The_tone_is_the_quad_class_unless_the_score_is_zero(int quad, double goldstein, Tone expected)
    {
        Assert.Equal(expected, Tones.Of(quad, goldstein));
    }

    [Fact]
    public void Neutral_is_neither_cooperation_nor_conflict_and_sits_between_them_in_the_drawing_order()
    {
        Assert.False(Tone.Neutral.IsCooperation());
        Assert.False(Tone.Neutral.IsConflict());
        Assert.Equal([Tone.VerbalCooperation, Tone.MaterialCooperation, Tone.Neutral, Tone.VerbalConflict, Tone.MaterialConflict], Tones.DrawingOrder);
        Assert.Equal("Neutral", Tone.Neutral.Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => Tones.Of(5, 1));
    }

    [Fact]
    public void The_aggregator_counts_neutral_events_apart_from_their_quad_class()
    {
        var day = new DateOnly(2020, 1, 3);
        var stats = DyadAggregator.Total([new DyadEvent("IRQ", "USA", day, 0, 1), new DyadEvent("USA", "IRQ", day, 3.4, 1), new DyadEvent("USA", "IRQ", day, -2, 3)], new Dyad("IRQ", "USA"))!;

        Assert.Equal((3, 1, 1, 1), (stats.Events, stats.Neutral, stats.VerbalCooperation, stats.VerbalConflict));
        Assert.Equal(1, stats.Count(Tone.Neutral));
        Assert.Equal(1, Assert.Single(DyadAggregator.Aggregate([new DyadEvent("IRQ", "USA", day, 0, 1)], DyadPeriod.Week)).Neutral);
    }
}
