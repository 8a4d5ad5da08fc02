using IraqCoalition.Core.Dyads;

namespace IraqCoalition.Core.Tests.Dyads;

public sealed class ChangePointTests
{
    /// <summary>Normal noise from a seeded generator (Box–Muller), so the series are the same on every run.</summary>
    private static double[] Noise(int n, double sd, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();
    }

    [Fact]
    public void A_clear_step_is_found_at_its_week_and_is_significant()
    {
        // 14 weeks around +3 net cooperation, then 12 weeks around -4: the step is at index 14.
        var noise = Noise(26, 1.5, 7);
        var series = noise.Select((e, i) => (i < 14 ? 3.0 : -4.0) + e).ToArray();

        var cp = ChangePoint.Estimate(series)!;

        Assert.Equal(14, cp.Index);
        Assert.True(cp.MeanBefore > 2 && cp.MeanAfter < -3, $"{cp.MeanBefore} → {cp.MeanAfter}");
        Assert.True(cp.IsSignificant(), $"p = {cp.PValue}");
        Assert.Equal(1.0 / (ChangePoint.DefaultPermutations + 1), cp.PValue, 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Flat_noise_is_not_significant(int seed)
    {
        var cp = ChangePoint.Estimate(Noise(30, 2, seed))!;

        Assert.False(cp.IsSignificant(), $"p = {cp.PValue} at {cp.Index}");
    }

    [Fact]
    public void The_estimate_is_the_same_on_every_run_and_respects_the_minimum_segment()
    {
        var series = Noise(20, 1, 11);
        series[^1] += 30; // an outlier in the last week cannot be a segment of its own

        var first = ChangePoint.Estimate(series, minSegment: 3)!;

        Assert.Equal(first, ChangePoint.Estimate(series, minSegment: 3));
        Assert.InRange(first.Index, 3, series.Length - 3);
        Assert.Null(ChangePoint.Estimate([1, 2, 3, 4, 5], minSegment: 3));
        Assert.Null(ChangePoint.Estimate(Enumerable.Repeat(2.0, 12).ToList()));
    }

    [Fact]
    public void A_step_in_a_short_noisy_series_needs_more_than_chance_to_count()
    {
        // Six weeks with a small shift against large noise: a split exists but shuffles do as well.
        double[] series = [1, -2, 3, 0, 2, -1];

        var cp = ChangePoint.Estimate(series)!;

        Assert.True(cp.PValue > 0.2, $"p = {cp.PValue}");
    }
}
