namespace IraqCoalition.WebBench;

/// <summary>One request as a client saw it: status 0 when it got no response.</summary>
internal readonly record struct Sample(int Page, double Milliseconds, int Status, string? Error)
{
    /// <summary>Redirects count as answers (sign-in redirects when anonymous reading is off); everything else outside 2xx/3xx is an error.</summary>
    public bool Failed => Status is < 200 or >= 400;
}

internal static class Latency
{
    public static LatencySummary Summarize(IReadOnlyCollection<Sample> samples, double seconds)
    {
        var times = samples.Select(s => s.Milliseconds).ToArray();
        Array.Sort(times);
        var statuses = samples.GroupBy(s => s.Status == 0 ? "exception" : s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LatencySummary(
            times.Length,
            Round(seconds > 0 ? times.Length / seconds : 0),
            Percentile(times, 0.50),
            Percentile(times, 0.95),
            Percentile(times, 0.99),
            times.Length == 0 ? 0 : Round(times[^1]),
            samples.Count(s => s.Failed),
            statuses,
            samples.FirstOrDefault(s => s.Failed).Error);
    }

    /// <summary>Nearest rank, as bench-queries reports: the value below which that share of requests fall.</summary>
    public static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : Round(sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * share) - 1, 0, sorted.Length - 1)]);

    private static double Round(double value) => Math.Round(value, 1);
}
