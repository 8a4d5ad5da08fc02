using System.Diagnostics;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Clusters;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Search;
using IraqCoalition.Data.Statements;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>bench-queries --db FILE [--runs N]</c>: latency of the dashboard's queries (first page plus
/// total, as the pages ask them), p50/p95/max over N runs after a warm-up, on one connection per query.
/// </summary>
public static class BenchQueriesCommand
{
    public static async Task<int> RunAsync(string[] argv, TextWriter stdout)
    {
        var args = Args.Parse(argv, ["--db", "--runs"]);
        if (args.Get("--db") is null)
        {
            throw new UsageException("bench-queries needs --db FILE (e.g. one made by seed-synthetic)");
        }

        var runs = SeedSyntheticCommand.Int(args, "--runs", 50);
        var factory = Database.Open(args);
        var events = new EventRepository(factory);
        var actors = new ActorRepository(factory);
        var statements = new StatementRepository(factory);
        var search = new SearchRepository(factory);
        var clusters = new EventClusterService(factory);
        var mostReported = await BusiestClusterAsync(factory);
        var someActor = (await actors.SearchAsync(new ActorQuery { Kind = "person", Take = 1 })).Items.FirstOrDefault()?.Id ?? 1;
        var iraq = (await actors.SearchAsync(new ActorQuery { Kind = "country", Country = "IRQ", Take = 1 })).Items.FirstOrDefault()?.Id ?? 1;

        // The row the list's keyset cursor stands on after scrolling 10,000 rows (see EventRepository.PageTimelineAsync).
        var row9999 = (await events.PageTimelineAsync(new TimelineQuery { Skip = 9_999, Take = 1 }))[0].Cursor;
        var praisedOnDyad = new TimelineQuery { Text = "praised", CountryA = "IRQ", CountryB = "USA" };
        var praised9999 = (await events.PageTimelineAsync(new TimelineQuery { Text = "praised", Skip = 9_999, Take = 1 }))[0].Cursor;

        var cases = new (string Name, Func<Task<int>> Query)[]
        {
            ("timeline first page", async () => (await events.QueryTimelineAsync(new TimelineQuery())).Total),
            ("timeline, newest first", async () => (await events.QueryTimelineAsync(new TimelineQuery { Descending = true })).Total),
            ("timeline page 200, offset", async () => (await events.QueryTimelineAsync(new TimelineQuery { Skip = 10_000 })).Total),
            ("timeline page 200, cursor", async () => (await events.PageTimelineAsync(new TimelineQuery { After = row9999 })).Count),
            ("dyad IRQ-USA", async () => (await events.QueryTimelineAsync(new TimelineQuery { CountryA = "IRQ", CountryB = "USA" })).Total),
            ("dyad IRQ-RUS, Jan-Feb 2020", async () => (await events.QueryTimelineAsync(new TimelineQuery { CountryA = "IRQ", CountryB = "RUS", From = new(2020, 1, 1), To = new(2020, 2, 29) })).Total),
            ("date range one week", async () => (await events.QueryTimelineAsync(new TimelineQuery { From = new(2020, 1, 1), To = new(2020, 1, 7) })).Total),
            ("actor (a person)", async () => (await events.QueryTimelineAsync(new TimelineQuery { ActorId = someActor })).Total),
            ("actor (Iraq)", async () => (await events.QueryTimelineAsync(new TimelineQuery { ActorId = iraq })).Total),
            ("CAMEO root 19", async () => (await events.QueryTimelineAsync(new TimelineQuery { Root = "19" })).Total),
            ("quad class 4 + IRQ-USA", async () => (await events.QueryTimelineAsync(new TimelineQuery { QuadClass = 4, CountryA = "IRQ", CountryB = "USA" })).Total),
            ("free text 'praised'", async () => (await events.QueryTimelineAsync(new TimelineQuery { Text = "praised" })).Total),
            ("'praised' + IRQ-USA, rows", async () => (await events.PageTimelineAsync(praisedOnDyad)).Count),
            ("'praised' + IRQ-USA, count", async () => (await events.CountTimelineAsync(praisedOnDyad)).Total),
            ("'praised' + IRQ-USA + quad 3", async () => (await events.QueryTimelineAsync(praisedOnDyad with { QuadClass = 3 })).Total),
            ("'praised' + actor (Iraq)", async () => (await events.QueryTimelineAsync(new TimelineQuery { Text = "praised", ActorId = iraq })).Total),
            ("'praised', Jan 2020, newest", async () => (await events.QueryTimelineAsync(new TimelineQuery { Text = "praised", From = new(2020, 1, 1), To = new(2020, 1, 31), Descending = true })).Total),
            ("'praised' page 200, cursor", async () => (await events.PageTimelineAsync(new TimelineQuery { Text = "praised", After = praised9999 })).Count),
            ("rare word 'Lavrov' + IRQ-RUS", async () => (await events.QueryTimelineAsync(new TimelineQuery { Text = "Lavrov", CountryA = "IRQ", CountryB = "RUS" })).Total),
            ("axis: first 500 events", async () => (await events.PageTimelineAsync(new TimelineQuery { Take = 501 })).Count),
            ("axis: Jan 2020 window, IRQ-USA", async () => (await events.PageTimelineAsync(new TimelineQuery { CountryA = "IRQ", CountryB = "USA", From = new(2020, 1, 1), To = new(2020, 1, 31), Take = 501 })).Count),
            ("dyad weekly series IRQ-USA", async () => (await events.DyadSeriesAsync("IRQ", "USA")).Count),
            ("weekly series IRQ-USA, reports", async () => (await events.DyadSeriesAsync("IRQ", "USA", reports: true)).Count),
            ("corroborated events", async () => (await events.QueryTimelineAsync(new TimelineQuery { Corroborated = true })).Total),
            ("corroborated + IRQ-USA", async () => (await events.QueryTimelineAsync(new TimelineQuery { Corroborated = true, CountryA = "IRQ", CountryB = "USA" })).Total),
            ("event detail: its reports", async () => (await clusters.ReportsAsync(mostReported)).Count),
            ("actor page: mentions by day", async () => (await actors.MentionsByDayAsync(iraq)).Count),
            ("actor page: appears with", async () => (await actors.CoOccurringAsync(iraq)).Count),
            ("actors grid first page", async () => (await actors.SearchAsync(new ActorQuery())).Total),
            ("actors search 'al-Hakim'", async () => (await actors.SearchAsync(new ActorQuery { Text = "al-Hakim" })).Total),
            ("statements first page", async () => (await statements.SearchAsync(new StatementQuery())).Total),
            ("search box 'Lavrov'", async () => (await search.SearchAsync("Lavrov")).Total),
        };

        await stdout.WriteLineAsync($"{"query",-30} {"rows",10} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var (name, query) in cases)
        {
            var rows = await query(); // warm-up: page cache and prepared statements
            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await query();
                times[i] = sw.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            await stdout.WriteLineAsync($"{name,-30} {rows,10:N0} {times[runs / 2],8:F1} {times[(int)Math.Ceiling(runs * 0.95) - 1],8:F1} {times[^1],8:F1}");
        }

        return CliApp.Ok;
    }

    /// <summary>The event with the most reports: the longest list the event detail shows.</summary>
    private static async Task<long> BusiestClusterAsync(IraqCoalition.Data.Storage.ConnectionFactory factory)
    {
        await using var c = await factory.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT id FROM event_clusters ORDER BY report_count DESC LIMIT 1), 0)";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
