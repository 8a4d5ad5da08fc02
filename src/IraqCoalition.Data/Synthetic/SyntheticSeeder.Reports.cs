using IraqCoalition.Core.Events;

namespace IraqCoalition.Data.Synthetic;

// The plan of acts and their reports, apart from the loading code: it decides the repeat rates the
// cluster benchmarks depend on, and is read on its own when those figures are questioned.
public sealed partial class SyntheticSeeder
{
    private sealed record Act(int Day, CameoCode Code, (long Id, string Name, string? Country, string Kind) Source,
        (long Id, string Name, string? Country, string Kind) Target, int FirstReport, int Reports);

    private readonly record struct Report(int Act, int Article, CameoCode Code, bool Ranged);

    private sealed record ReportPlan(List<Act> Acts, List<Report> Reports);

    /// <summary>
    /// Reports per act, as news repeats itself: most acts are reported once, a fifth twice, and a few
    /// big ones by a dozen outlets (mean about 2.2; docs/performance.md). The rate is what makes the
    /// benchmark's lead-only indexes and cluster counts meaningful.
    /// </summary>
    private static int ReportsPerAct(Random rng) => rng.NextDouble() switch
    {
        < 0.55 => 1,
        < 0.75 => 2,
        < 0.85 => 3,
        < 0.91 => 4,
        < 0.98 => rng.Next(5, 9),
        _ => rng.Next(9, 21),
    };

    private ReportPlan PlanReports(Random rng, SyntheticOptions o, int[] articleDays,
        Dictionary<string, List<(long Id, string Name, string? Country, string Kind)>> byCountry, List<(long Id, string Name, string? Country, string Kind)> actors)
    {
        var strike = new DateOnly(2020, 1, 3).DayNumber;
        var coop = codes.Where(x => x.QuadClass <= 2).ToArray();
        var conflict = codes.Where(x => x.QuadClass >= 3).ToArray();
        var byRoot = codes.GroupBy(x => x.Root).ToDictionary(g => g.Key, g => g.ToArray());
        // Articles in publication order, so an act's later reports come from articles of the days after it.
        var byDay = Enumerable.Range(0, o.Articles).OrderBy(i => articleDays[i]).ToArray();
        var days = byDay.Select(i => articleDays[i]).ToArray();
        var acts = new List<Act>();
        var reports = new List<Report>(o.Events);
        while (reports.Count < o.Events)
        {
            var first = rng.Next(o.Articles);
            var day = Math.Max(o.From.DayNumber, articleDays[first] - rng.Next(0, 4));
            var s = PickActor(rng, byCountry, actors);
            var t = PickActor(rng, byCountry, actors);
            var pool = rng.NextDouble() < DyadTrend(s.Country, t.Country, day >= strike) ? coop : conflict;
            var code = pool.Length > 0 ? pool[rng.Next(pool.Length)] : codes[rng.Next(codes.Count)];
            var count = Math.Min(ReportsPerAct(rng), o.Events - reports.Count);
            var act = new Act(day, code, s, t, reports.Count, count);
            var (from, to) = (LowerBound(days, day), LowerBound(days, day + 6));
            for (var k = 0; k < count; k++)
            {
                var article = k == 0 || to <= from ? first : byDay[rng.Next(from, to)];
                // Other outlets name the act by its root's other codes now and then, and some give only the week.
                var variant = k > 0 && rng.Next(5) == 0 && byRoot[code.Root] is { Length: > 1 } siblings ? siblings[rng.Next(siblings.Length)] : code;
                reports.Add(new Report(acts.Count, article, variant, rng.Next(10) == 0));
            }

            acts.Add(act);
        }

        return new ReportPlan(acts, reports);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
