namespace IraqCoalition.Core.Dyads;

/// <summary>
/// The most likely single shift in a weekly series, from a two-segment least-squares fit.
/// </summary>
/// <param name="Index">Position of the first value of the second segment.</param>
/// <param name="MeanBefore">Mean of the values before <paramref name="Index"/>.</param>
/// <param name="MeanAfter">Mean of the values from <paramref name="Index"/> on.</param>
/// <param name="PValue">Share of shuffled series (plus the observed one) whose best split explains at least as much.</param>
/// <param name="Permutations">How many shuffles the p-value rests on.</param>
public sealed record ChangePointEstimate(int Index, double MeanBefore, double MeanAfter, double PValue, int Permutations)
{
    public double Shift => MeanAfter - MeanBefore;

    public bool IsSignificant(double alpha = ChangePoint.Alpha) => PValue < alpha;
}

/// <summary>
/// Change-point estimate of docs/change-point.md: the split into two segments of at least
/// <c>minSegment</c> values that minimises the squared error around each segment's mean, with a
/// permutation test of its strength. Shuffling the weeks destroys any shift while keeping the values,
/// so "how often does a shuffle split as well" is the chance of a split this good without a shift.
/// The seed is fixed, so a page shows the same p-value on every load.
/// </summary>
public static class ChangePoint
{
    public const int DefaultMinSegment = 3;
    public const int DefaultPermutations = 999;
    public const int DefaultSeed = 20200103;
    public const double Alpha = 0.05;

    /// <summary>The best split and its p-value, or null when the series is too short for two segments (or constant).</summary>
    public static ChangePointEstimate? Estimate(IReadOnlyList<double> values, int minSegment = DefaultMinSegment, int permutations = DefaultPermutations, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSegment, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        if (values.Count < 2 * minSegment)
        {
            return null;
        }

        var series = values.ToArray();
        var (index, gain) = BestSplit(series, minSegment);
        if (gain <= 0)
        {
            return null;
        }

        var random = new Random(seed);
        var shuffled = (double[])series.Clone();
        var atLeastAsGood = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(shuffled);
            // A relative tolerance, so ties from the same values summed in another order count as ties.
            if (BestSplit(shuffled, minSegment).Gain >= gain * (1 - 1e-9))
            {
                atLeastAsGood++;
            }
        }

        return new ChangePointEstimate(
            index,
            series[..index].Average(),
            series[index..].Average(),
            (atLeastAsGood + 1) / (double)(permutations + 1),
            permutations);
    }

    /// <summary>
    /// The split minimising the two segments' squared error, as the error it removes from the one-mean fit:
    /// n₁n₂/n (mean₁ − mean₂)², from prefix sums in one pass.
    /// </summary>
    internal static (int Index, double Gain) BestSplit(double[] series, int minSegment)
    {
        var n = series.Length;
        var total = 0.0;
        foreach (var v in series)
        {
            total += v;
        }

        var (bestIndex, bestGain) = (-1, double.NegativeInfinity);
        var prefix = 0.0;
        for (var k = 1; k < n; k++)
        {
            prefix += series[k - 1];
            if (k < minSegment || n - k < minSegment)
            {
                continue;
            }

            var diff = prefix / k - (total - prefix) / (n - k);
            var gain = (double)k * (n - k) / n * diff * diff;
            if (gain > bestGain)
            {
                (bestIndex, bestGain) = (k, gain);
            }
        }

        return (bestIndex, bestGain);
    }
}
