using IraqCoalition.Data.Accounts;
using System.Diagnostics;
using System.Globalization;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Storage;
using IraqCoalition.Data.Statements;
using IraqCoalition.Reporting;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Pdf;
using IraqCoalition.Reporting.Rendering;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>briefing list</c>, <c>briefing export ID ...</c> for a saved briefing and
/// <c>briefing export --from .. --dyad IRQ-USA ...</c> for an ad hoc one; <c>briefing save</c> stores an ad hoc scope.
/// </summary>
public static class BriefingCommand
{
    public const string UsageText = """
        usage:
          briefing list [--db FILE]
          briefing export ID --out FILE [--format pdf|html|md|csv|json] [--db FILE] [--repeat N] [--chromium PATH]
          briefing export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--dyad IRQ-USA ...] [--actor ID ...] [--tag ID ...]
                          [--root NN ...] [--title TEXT] [--author TEXT] [--summary TEXT] [--marking TEXT]
                          --out FILE [--format ...] [--db FILE] [--repeat N] [--chromium PATH]
          briefing save --title TEXT [scope options as for export] [--db FILE]
        The format defaults to the extension of --out. --repeat N exports N times with one warm browser
        and prints the time of each run (a benchmark). Chromium defaults to /usr/lib/chromium/chromium
        (--chromium or Reporting__ChromiumPath override it).
        """;

    private static readonly string[] ValueOptions =
    [
        "--db", "--format", "--out", "--from", "--to", "--dyad", "--actor", "--tag", "--root", "--title", "--author",
        "--summary", "--marking", "--repeat", "--chromium",
    ];

    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ValueOptions);
        return args.Positional.FirstOrDefault() switch
        {
            "list" => await ListAsync(args, stdout),
            "export" => await ExportAsync(args, stdout, stderr),
            "save" => await SaveAsync(args, stdout),
            _ => throw new UsageException(UsageText),
        };
    }

    private static async Task<ConnectionFactory> OpenAsync(Args args)
    {
        var factory = Database.Open(args);
        await new DatabaseMigrator(factory).MigrateAsync();
        return factory;
    }

    private static async Task<int> ListAsync(Args args, TextWriter stdout)
    {
        var repo = new BriefingRepository(await OpenAsync(args));
        for (var skip = 0; ; skip += 200)
        {
            var page = await repo.ListAsync(skip, 200);
            if (skip == 0 && page.Total == 0)
            {
                await stdout.WriteLineAsync("No briefings saved yet.");
            }

            foreach (var b in page.Items)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{b.Id,5}  {b.UpdatedAt[..10]}  v{b.Version,-3} {b.Title}  ({b.Period}{(b.Author is null ? "" : ", " + b.Author)})"));
            }

            if (skip + page.Items.Count >= page.Total)
            {
                return CliApp.Ok;
            }
        }
    }

    private static async Task<int> SaveAsync(Args args, TextWriter stdout)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException("briefing save takes no ID: it creates a new briefing from the scope options");
        }

        if (args.Get("--title") is null)
        {
            throw new UsageException("briefing save needs --title");
        }

        var saved = await new BriefingRepository(await OpenAsync(args)).CreateAsync(UserContext.System, AdHoc(args));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"saved briefing {saved.Id}: {saved.Title}"));
        return CliApp.Ok;
    }

    private static async Task<int> ExportAsync(Args args, TextWriter stdout, TextWriter stderr)
    {
        var outFile = args.Get("--out") ?? throw new UsageException("briefing export needs --out FILE");
        var formatText = args.Get("--format") ?? Path.GetExtension(outFile);
        if (!BriefingFormats.TryParse(formatText, out var format))
        {
            throw new UsageException($"unknown format '{formatText}': use pdf, html, md, csv or json");
        }

        var repeat = int.TryParse(args.Get("--repeat") ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r >= 1
            ? r
            : throw new UsageException("--repeat needs a whole number of at least 1");

        var factory = await OpenAsync(args);
        var repo = new BriefingRepository(factory);
        Briefing briefing;
        if (args.Positional.Count == 2)
        {
            if (!long.TryParse(args.Positional[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                throw new UsageException($"'{args.Positional[1]}' is not a briefing id");
            }

            if (HasScopeOptions(args))
            {
                throw new UsageException("give either a briefing ID or scope options (--from, --dyad, ...), not both");
            }

            briefing = await repo.GetAsync(id) ?? throw new UsageException($"no briefing has id {id}; see 'briefing list'");
        }
        else if (args.Positional.Count == 1)
        {
            briefing = AdHoc(args);
        }
        else
        {
            throw new UsageException(UsageText);
        }

        var options = new ReportingOptions();
        if ((args.Get("--chromium") ?? Environment.GetEnvironmentVariable("Reporting__ChromiumPath")) is { Length: > 0 } chromium)
        {
            options.ChromiumPath = chromium;
        }

        await using var pdf = new PdfRenderer(options);
        var exporter = new BriefingExporter(
            new BriefingComposer(new EventRepository(factory), new StatementRepository(factory), new ActorRepository(factory), new ArticleRepository(factory), repo, options),
            repo, new BriefingHtmlRenderer(), pdf);
        if (format == BriefingFormat.Pdf && !pdf.Status().Available)
        {
            await stderr.WriteLineAsync($"error: {pdf.Status().Message}");
            return CliApp.Failure;
        }

        try
        {
            if (repeat > 1 && format == BriefingFormat.Pdf)
            {
                var launch = Stopwatch.StartNew();
                await pdf.WarmUpAsync();
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"browser launch: {launch.ElapsedMilliseconds} ms"));
            }

            var times = new List<double>();
            BriefingDocument? doc = null;
            BriefingFile? file = null;
            for (var i = 0; i < repeat; i++)
            {
                var sw = Stopwatch.StartNew();
                doc = await exporter.ComposeAsync(briefing);
                var composed = sw.Elapsed.TotalMilliseconds;
                file = await exporter.ExportAsync(doc, format);
                times.Add(sw.Elapsed.TotalMilliseconds);
                if (repeat > 1)
                {
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"run {i + 1}: {sw.Elapsed.TotalMilliseconds:0} ms (compose {composed:0} ms, {format.ToString().ToLowerInvariant()} {sw.Elapsed.TotalMilliseconds - composed:0} ms, {file.Content.Length / 1024.0:0} KB)"));
                }
            }

            var full = Path.GetFullPath(outFile);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, file!.Content);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {full}: {doc!.Events.Count} events, {doc.Statements.Count} statements, {doc.Citations.Count} citations, {file.Content.Length} bytes"));
            foreach (var note in doc.Notes)
            {
                await stderr.WriteLineAsync("note: " + note);
            }

            if (repeat > 1)
            {
                var sorted = times.Order().ToList();
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{repeat} runs: median {sorted[sorted.Count / 2]:0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms"));
            }

            return CliApp.Ok;
        }
        catch (PdfRendererUnavailableException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return CliApp.Failure;
        }
    }

    private static bool HasScopeOptions(Args args) =>
        new[] { "--from", "--to", "--dyad", "--actor", "--tag", "--root", "--title", "--author", "--summary", "--marking" }.Any(o => args.GetAll(o).Count > 0);

    private static Briefing AdHoc(Args args)
    {
        var b = new Briefing
        {
            Title = args.Get("--title") ?? "Briefing",
            Author = args.Get("--author"),
            Summary = args.Get("--summary") ?? "",
            HandlingMarking = args.Get("--marking"),
            From = Day(args, "--from"),
            To = Day(args, "--to"),
            CameoRoots = args.GetAll("--root").Select(r => r.Trim().PadLeft(2, '0')).ToList(),
            ActorIds = args.GetAll("--actor").Select(a => Id(a, "--actor")).ToList(),
            TagIds = args.GetAll("--tag").Select(t => Id(t, "--tag")).ToList(),
        };
        foreach (var d in args.GetAll("--dyad"))
        {
            b.Dyads.Add(Dyad.TryParse(d, out var dyad) ? dyad : throw new UsageException($"--dyad '{d}' is not a pair of country codes such as IRQ-USA"));
        }

        if (b.From is { } f && b.To is { } t && f > t)
        {
            throw new UsageException("--from is after --to");
        }

        return b;
    }

    private static DateOnly? Day(Args args, string option) =>
        args.Get(option) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"{option} needs a date as YYYY-MM-DD, not '{text}'");

    private static long Id(string text, string option) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new UsageException($"{option} needs a numeric id, not '{text}'");
}
