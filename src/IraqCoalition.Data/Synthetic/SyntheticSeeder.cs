using System.Globalization;
using System.Text;
using IraqCoalition.Core.Events;
using Dapper;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Synthetic;

public sealed record SyntheticOptions
{
    public int Articles { get; init; } = 100_000;
    public int Actors { get; init; } = 50_000;
    public int Events { get; init; } = 1_000_000;
    public int StatementsPerArticle { get; init; } = 2;
    public int Seed { get; init; } = 20200103;
    public DateOnly From { get; init; } = new(2019, 1, 1);
    public DateOnly To { get; init; } = new(2020, 12, 31);
}

/// <summary>
/// Fills a database with a large, realistic-looking record for benchmarks: many countries with
/// Iraq, the U.S., Russia and Iran most frequent; persons, organisations, armed groups and media;
/// news-like dates clustered around January 2020; Iraq–U.S. turning conflictual and Iraq–Russia
/// cooperative after the 3 Jan 2020 strike, as in the real record. Bulk inserts use prepared
/// commands in large transactions: this is the one place that writes rows without the ingestion path.
/// </summary>
public sealed partial class SyntheticSeeder(ConnectionFactory factory, IReadOnlyList<CameoCode> codes)
{
    private static readonly (string Iso, string Name, string Demonym, int Weight)[] Countries =
    [
        ("IRQ", "Iraq", "Iraqi", 30), ("USA", "United States", "U.S.", 28), ("RUS", "Russia", "Russian", 14), ("IRN", "Iran", "Iranian", 16),
        ("SYR", "Syria", "Syrian", 6), ("TUR", "Turkey", "Turkish", 6), ("SAU", "Saudi Arabia", "Saudi", 5), ("ISR", "Israel", "Israeli", 5),
        ("GBR", "United Kingdom", "British", 4), ("FRA", "France", "French", 4), ("DEU", "Germany", "German", 3), ("CHN", "China", "Chinese", 4),
        ("JOR", "Jordan", "Jordanian", 2), ("KWT", "Kuwait", "Kuwaiti", 2), ("QAT", "Qatar", "Qatari", 2), ("ARE", "United Arab Emirates", "Emirati", 2),
        ("EGY", "Egypt", "Egyptian", 2), ("LBN", "Lebanon", "Lebanese", 3), ("YEM", "Yemen", "Yemeni", 2), ("AFG", "Afghanistan", "Afghan", 2),
        ("PAK", "Pakistan", "Pakistani", 1), ("IND", "India", "Indian", 1), ("ITA", "Italy", "Italian", 1), ("ESP", "Spain", "Spanish", 1),
        ("NLD", "Netherlands", "Dutch", 1), ("CAN", "Canada", "Canadian", 1), ("AUS", "Australia", "Australian", 1), ("JPN", "Japan", "Japanese", 1),
        ("KOR", "South Korea", "South Korean", 1), ("UKR", "Ukraine", "Ukrainian", 1), ("BHR", "Bahrain", "Bahraini", 1), ("OMN", "Oman", "Omani", 1),
    ];

    private static readonly string[] Agents = ["government", "military", "parliament", "foreign ministry", "defense ministry", "police", "militia", "opposition"];
    private static readonly string[] Given = ["Adel", "Mohammed", "Ali", "Hassan", "Sergey", "Mark", "John", "Maria", "Fatima", "Qassem", "Javad", "Mike", "Anna", "Ahmed", "Omar", "Layla", "Yusuf", "Ivan", "Dmitry", "Sarah", "Karim", "Hadi", "Nouri", "Barham", "Mustafa"];
    private static readonly string[] Family = ["al-Hakim", "Abdul-Mahdi", "Petrov", "Smith", "al-Sadr", "Hosseini", "Ivanov", "Johnson", "al-Maliki", "Salih", "Kadhimi", "Rahimi", "Volkov", "Miller", "al-Amiri", "Zebari", "Barzani", "Talabani", "Lavrov", "Esper", "Nasser", "Haddad", "Karimi", "Orlov", "Brown"];
    private static readonly string[] Titles = ["Foreign Minister", "Defense Minister", "Prime Minister", "Gen.", "Ambassador", "spokesman", "lawmaker", "President", "Lt. Gen.", "commander"];
    private static readonly string[] Sources = ["Associated Press", "Reuters", "Agence France-Presse", "Al Jazeera", "BBC", "The New York Times", "Rudaw", "TASS"];
    private static readonly string[] Verbs = ["met", "criticized", "praised", "threatened", "urged", "accused", "thanked", "warned", "called on", "signed an agreement with", "struck", "invited", "rejected", "condemned", "offered aid to"];

    public async Task SeedAsync(SyntheticOptions o, IProgress<(string Stage, int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (codes.Count == 0)
        {
            throw new InvalidOperationException("No event codes to draw from.");
        }

        if (factory.IsPostgres)
        {
            await SeedThroughSqliteAsync(o, progress, ct);
            return;
        }

        await using var c = (SqliteConnection)await factory.OpenAsync(ct);
        // Bulk-load settings for this connection only: a large page cache keeps the events indexes in
        // memory, and search triggers are replaced by one indexing pass at the end (row-by-row FTS
        // updates dominate the load time otherwise).
        await Exec(c, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -400000; PRAGMA temp_store = MEMORY;");
        var triggers = (await c.QueryAsync<(string Name, string Sql)>(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")).ToList();
        foreach (var t in triggers)
        {
            await Exec(c, $"DROP TRIGGER {t.Name};");
        }

        try
        {
            await LoadAsync(c, o, progress, ct);
            progress?.Report(("search index", 0, 1));
            // Same rows the triggers of Migrations/0003_search.sql would have written.
            await Exec(c, """
                INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
                SELECT id * 4, 'article', id, id, coalesce(title, ''), body FROM articles WHERE origin = 'synthetic';
                INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
                SELECT s.id * 4 + 1, 'statement', s.id, s.article_id, coalesce(a.name, ''), s.text
                FROM statements s LEFT JOIN actors a ON a.id = s.speaker_actor_id;
                INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
                SELECT id * 4 + 2, 'event', id, article_id, label, coalesce(summary, '') || ' ' || evidence_text FROM events;
                INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
                SELECT id * 4 + 3, 'actor', id, NULL, name, coalesce(title, '') || ' ' || coalesce(role, '') || ' ' || coalesce(country, '') FROM actors;
                INSERT INTO actor_names (rowid, text)
                SELECT id, name || ' ' || coalesce(title, '') || ' ' || coalesce(role, '') || ' ' || coalesce(country, '') FROM actors;
                """);
            // And the rows of Migrations/0004_event_search.sql, from the view its triggers use.
            await Exec(c, "INSERT INTO event_search (rowid, body, facets) SELECT key, body, facets FROM event_search_rows;");
            progress?.Report(("search index", 1, 1));
        }
        finally
        {
            foreach (var t in triggers)
            {
                await Exec(c, t.Sql + ";");
            }
        }

        await Exec(c, "ANALYZE;");
    }

    /// <summary>
    /// PostgreSQL gets the same rows by way of a scratch SQLite file and <see cref="DatabaseCopy"/>
    /// (binary COPY, indexes derived once at the end): one generator, one bulk path per engine.
    /// </summary>
    private async Task SeedThroughSqliteAsync(SyntheticOptions o, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"iqc-synthetic-{Guid.NewGuid():N}.db");
        try
        {
            using (var sqlite = new ConnectionFactory($"Data Source={scratch}"))
            {
                await new DatabaseMigrator(sqlite).MigrateAsync(ct);
                await new SyntheticSeeder(sqlite, codes).SeedAsync(o, progress, ct);
                var report = await DatabaseCopy.CopyAsync(sqlite, factory,
                    new Progress<(string Stage, long Done, long Total)>(p => progress?.Report(("copy " + p.Stage, (int)p.Done, (int)p.Total))), ct);
                if (!report.Verified)
                {
                    throw new InvalidOperationException("The synthetic rows did not arrive intact: " +
                        string.Join(", ", report.Tables.Where(t => !t.Matches).Select(t => $"{t.Table} {t.SourceRows} -> {t.TargetRows}")));
                }

                sqlite.ClearPools();
            }
        }
        finally
        {
            foreach (var file in new[] { scratch, scratch + "-wal", scratch + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private async Task LoadAsync(SqliteConnection c, SyntheticOptions o, IProgress<(string Stage, int Done, int Total)>? progress, CancellationToken ct)
    {
        var rng = new Random(o.Seed);
        var now = Clock.Now();

        // Actors: a country actor and agents per country, then people and organisations.
        var actors = new List<(long Id, string Name, string? Country, string Kind)>(o.Actors);
        await Batch(c, "actors", o.Actors, progress, """
            INSERT INTO actors (identity_key, name, kind, country, title, role, agent, created_at, updated_at)
            VALUES ($key, $name, $kind, $country, $title, $role, $agent, $now, $now) RETURNING id
            """, (cmd, i) =>
        {
            string name, kind;
            string? country, title = null, role = null, agent = null;
            if (i < Countries.Length)
            {
                (country, name, kind) = (Countries[i].Iso, Countries[i].Name, "country");
            }
            else if (i < Countries.Length * (Agents.Length + 1))
            {
                var ci = (i - Countries.Length) / Agents.Length;
                agent = Agents[(i - Countries.Length) % Agents.Length];
                (country, name, kind) = (Countries[ci].Iso, $"{Countries[ci].Demonym} {agent}", agent == "militia" ? "armed_group" : "organization");
            }
            else
            {
                country = PickCountry(rng);
                var r = rng.Next(100);
                kind = r < 75 ? "person" : r < 88 ? "organization" : r < 95 ? "armed_group" : "media";
                name = kind == "person"
                    ? $"{Given[rng.Next(Given.Length)]} {Family[rng.Next(Family.Length)]} {Suffix(i)}"
                    : $"{Family[rng.Next(Family.Length)]} {(kind == "media" ? "News" : kind == "armed_group" ? "Brigades" : "Council")} {Suffix(i)}";
                title = kind == "person" ? Titles[rng.Next(Titles.Length)] : null;
                role = title is null ? null : $"{title} of {Countries.First(x => x.Iso == country).Name}";
            }

            Set(cmd, ("$key", $"synthetic:{i}"), ("$name", name), ("$kind", kind), ("$country", country), ("$title", title), ("$role", role), ("$agent", agent), ("$now", now));
            return (name, country, kind);
        }, (row, id) => actors.Add((id, row.name, row.country, row.kind)), ct);

        var byCountry = actors.GroupBy(a => a.Country ?? "").ToDictionary(g => g.Key, g => g.ToList());

        // Articles: short newswire-like bodies naming some of their actors.
        var span = o.To.DayNumber - o.From.DayNumber;
        var articleDays = new int[o.Articles];
        var articleIds = new long[o.Articles];
        var bodies = new string[o.Articles];
        var articleSources = new string[o.Articles];
        await Batch(c, "articles", o.Articles, progress, """
            INSERT INTO articles (content_hash, title, source, published, language, origin, body, word_count, sentence_count, extractor_version, ingested_at)
            VALUES ($hash, $title, $source, $published, 'en', 'synthetic', $body, $words, $sentences, 'synthetic', $now) RETURNING id
            """, (cmd, i) =>
        {
            var day = NewsDay(rng, o.From, span);
            articleDays[i] = day;
            var a = actors[rng.Next(actors.Count)];
            var b = actors[rng.Next(actors.Count)];
            var sb = new StringBuilder();
            for (var s = 0; s < 6; s++)
            {
                var x = s % 2 == 0 ? a : b;
                var y = s % 2 == 0 ? b : a;
                sb.Append(CultureInfo.InvariantCulture, $"{x.Name} {Verbs[rng.Next(Verbs.Length)]} {y.Name} on {DateOnly.FromDayNumber(day).ToString("MMMM d", CultureInfo.InvariantCulture)}, officials said. ");
            }

            var body = sb.ToString().TrimEnd();
            bodies[i] = body;
            articleSources[i] = Sources[rng.Next(Sources.Length)];
            Set(cmd, ("$hash", $"synthetic-{o.Seed}-{i}"), ("$title", $"{a.Name} and {b.Name}: report {i}"), ("$source", articleSources[i]),
                ("$published", Clock.Day(DateOnly.FromDayNumber(day))), ("$body", body), ("$words", IngestionWords(body)), ("$sentences", 6), ("$now", now));
            return i;
        }, (i, id) => articleIds[i] = id, ct);

        // Events: acts, mostly between the big four with the 2020 shift in Iraq's relations, each
        // reported by one or more articles published within days of it (the reports of one act form
        // its event cluster, as ingestion's matching would make them).
        var plan = PlanReports(rng, o, articleDays, byCountry, actors);
        var clusterIds = new long[plan.Acts.Count];
        await Batch(c, "event clusters", plan.Acts.Count, progress, """
            INSERT INTO event_clusters (root, roots, sources, targets, terms, date_start, date_end, report_count, article_count, source_count, created_at, updated_at)
            VALUES ($root, $root, $sources, $targets, '', $start, $end, $reports, $articles, $outlets, $now, $now) RETURNING id
            """, (cmd, i) =>
        {
            var act = plan.Acts[i];
            var ofAct = plan.Reports.GetRange(act.FirstReport, act.Reports);
            var articlesOfAct = ofAct.Select(r => r.Article).Distinct().ToList();
            Set(cmd, ("$root", act.Code.Root), ("$sources", $"a{act.Source.Id} {act.Source.Country}".Trim()), ("$targets", $"a{act.Target.Id} {act.Target.Country}".Trim()),
                ("$start", Clock.Day(DateOnly.FromDayNumber(act.Day - (ofAct.Any(r => r.Ranged) ? 7 : 0)))), ("$end", Clock.Day(DateOnly.FromDayNumber(act.Day))),
                ("$reports", act.Reports), ("$articles", articlesOfAct.Count), ("$outlets", articlesOfAct.Select(x => articleSources[x]).Distinct().Count()), ("$now", now));
            return i;
        }, (i, id) => clusterIds[i] = id, ct);

        await Batch(c, "events", plan.Reports.Count, progress, """
            INSERT INTO events (article_id, code, root, label, goldstein, quad_class, source_actor_id, target_actor_id, source_country, target_country,
                                date_value, date_start, date_end, date_precision, summary, evidence_start, evidence_end, evidence_text,
                                cluster_id, lead, cluster_reason, created_at, updated_at)
            VALUES ($article, $code, $root, $label, $g, $quad, $src, $tgt, $sc, $tc, $day, $start, $day, $precision, $summary, 0, $evEnd, $evidence,
                    $cluster, $lead, $reason, $now, $now)
            """, (cmd, i) =>
        {
            var r = plan.Reports[i];
            var act = plan.Acts[r.Act];
            var (s, t, code) = (act.Source, act.Target, r.Code);
            var evidence = bodies[r.Article][..Math.Min(bodies[r.Article].Length, 120)];
            var date = Clock.Day(DateOnly.FromDayNumber(act.Day));
            Set(cmd, ("$article", articleIds[r.Article]), ("$code", code.Code), ("$root", code.Root), ("$label", code.Label), ("$g", code.Goldstein), ("$quad", code.QuadClass),
                ("$src", s.Id), ("$tgt", t.Id), ("$sc", s.Country), ("$tc", t.Country), ("$day", date),
                ("$start", r.Ranged ? Clock.Day(DateOnly.FromDayNumber(act.Day - 7)) : date), ("$precision", r.Ranged ? "range" : "day"),
                ("$summary", $"{s.Name} {code.Label.ToLowerInvariant()} {t.Name}"), ("$evEnd", evidence.Length), ("$evidence", evidence),
                ("$cluster", clusterIds[r.Act]), ("$lead", i == act.FirstReport ? 1 : 0), ("$reason", i == act.FirstReport ? "synthetic: first report" : "synthetic: same act"), ("$now", now));
            return 0;
        }, null, ct);
        progress?.Report(("cluster leads", 0, 1));
        await Exec(c, "UPDATE event_clusters SET lead_event_id = (SELECT min(e.id) FROM events e WHERE e.cluster_id = event_clusters.id AND e.lead = 1) WHERE lead_event_id IS NULL;");
        await Exec(c, "UPDATE events SET corroborated = 1 WHERE cluster_id IN (SELECT id FROM event_clusters WHERE source_count >= 2);");
        progress?.Report(("cluster leads", 1, 1));

        // Mentions and statements so actor pages, the reader and the statements list have depth.
        var total = o.Articles * Math.Max(1, o.StatementsPerArticle);
        await Batch(c, "statements", total, progress, """
            INSERT INTO statements (article_id, speaker_actor_id, text, direct, cue, content_start, content_end, date_value, created_at, updated_at)
            VALUES ($article, $speaker, $text, $direct, 'said', 0, $end, $day, $now, $now)
            """, (cmd, i) =>
        {
            var ai = i % o.Articles;
            var text = bodies[ai][..Math.Min(bodies[ai].Length, 80)];
            Set(cmd, ("$article", articleIds[ai]), ("$speaker", actors[rng.Next(actors.Count)].Id), ("$text", text), ("$direct", rng.Next(2)),
                ("$end", text.Length), ("$day", Clock.Day(DateOnly.FromDayNumber(articleDays[ai]))), ("$now", now));
            return 0;
        }, null, ct);

        // An article mentions both sides of each of its events and each speaker (the actor page's
        // mentions over time and "most often appears with" read these).
        progress?.Report(("mentions", 0, 1));
        await Exec(c, """
            INSERT INTO mentions (article_id, actor_id, start_offset, end_offset, text)
            SELECT article_id, source_actor_id, evidence_start, evidence_end, 'synthetic' FROM events WHERE source_actor_id IS NOT NULL
            UNION ALL
            SELECT article_id, target_actor_id, evidence_start, evidence_end, 'synthetic' FROM events WHERE target_actor_id IS NOT NULL
            UNION ALL
            SELECT article_id, speaker_actor_id, content_start, content_end, 'synthetic' FROM statements WHERE speaker_actor_id IS NOT NULL;
            """);
        progress?.Report(("mentions", 1, 1));
    }

    private static int IngestionWords(string body) => Ingestion.IngestionService.WordCount(body);

    private static string Suffix(int i) => ((char)('A' + (i % 26))).ToString() + (i / 26).ToString(CultureInfo.InvariantCulture);

    private static string PickCountry(Random rng)
    {
        var total = Countries.Sum(c => c.Weight);
        var r = rng.Next(total);
        foreach (var c in Countries)
        {
            if ((r -= c.Weight) < 0)
            {
                return c.Iso;
            }
        }

        return Countries[0].Iso;
    }

    private static (long Id, string Name, string? Country, string Kind) PickActor(Random rng, Dictionary<string, List<(long Id, string Name, string? Country, string Kind)>> byCountry, List<(long Id, string Name, string? Country, string Kind)> all)
    {
        var list = byCountry.TryGetValue(PickCountry(rng), out var l) ? l : all;
        // Countries and their agents are named far more often than any one person.
        return rng.Next(3) == 0 ? list[rng.Next(Math.Min(list.Count, Agents.Length + 1))] : list[rng.Next(list.Count)];
    }

    /// <summary>Probability that an event between the two countries is cooperative.</summary>
    private static double DyadTrend(string? a, string? b, bool afterStrike) => (a, b) switch
    {
        ("IRQ", "USA") or ("USA", "IRQ") => afterStrike ? 0.25 : 0.65,
        ("IRQ", "RUS") or ("RUS", "IRQ") => afterStrike ? 0.85 : 0.6,
        ("USA", "IRN") or ("IRN", "USA") => afterStrike ? 0.1 : 0.3,
        _ => 0.6,
    };

    private static int NewsDay(Random rng, DateOnly from, int span)
    {
        // A third of the coverage falls in the weeks around the strike; the rest spreads over the period.
        if (rng.Next(3) == 0)
        {
            var center = new DateOnly(2020, 1, 3).DayNumber;
            return Math.Clamp(center + (int)(Normal(rng) * 20), from.DayNumber, from.DayNumber + span);
        }

        return from.DayNumber + rng.Next(span + 1);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

    private static async Task Batch<T>(SqliteConnection c, string stage, int count, IProgress<(string, int, int)>? progress,
        string sql, Func<SqliteCommand, int, T> bind, Action<T, long>? inserted, CancellationToken ct)
    {
        const int perTransaction = 50_000;
        for (var start = 0; start < count; start += perTransaction)
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            var end = Math.Min(count, start + perTransaction);
            for (var i = start; i < end; i++)
            {
                cmd.Parameters.Clear();
                var row = bind(cmd, i);
                if (inserted is null)
                {
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    inserted(row, (long)(await cmd.ExecuteScalarAsync(ct))!);
                }
            }

            await tx.CommitAsync(ct);
            progress?.Report((stage, end, count));
        }
    }

    private static void Set(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static async Task Exec(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
