using IraqCoalition.Cli.Commands;

namespace IraqCoalition.Cli;

/// <summary>
/// Dispatches the command line. Hand-rolled rather than System.CommandLine: the contract fixes a few
/// small commands, and a dependency would add little but churn to their exact syntax.
/// Exit codes: 0 success, 1 usage error or failure, 2 some input could not be read.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? Failure : Ok;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "extract" => ExtractCommand.Run(rest, stdout, stderr),
                "ingest" => await IngestCommand.RunAsync(rest, stdout, stderr, interactive: !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error)),
                "db" => await DbCommand.RunAsync(rest, stdout, stderr),
                "users" => await UsersCommand.RunAsync(rest, stdin ?? Console.In, stdout, stderr),
                "bench" => BenchCommand.Run(rest, stdout, stderr),
                "seed-synthetic" => await SeedSyntheticCommand.RunAsync(rest, stdout, stderr),
                "bench-queries" => await BenchQueriesCommand.RunAsync(rest, stdout),
                "bench-ingest" => await BenchIngestCommand.RunAsync(rest, stdout, stderr),
                "briefing" => await BriefingCommand.RunAsync(rest, stdout, stderr),
                "train" => TrainCommand.Run(rest, stdout, stderr),
                "annotate" => AnnotateCommand.Run(rest, stdout, stderr),
                "eval-conllu" => EvalConlluCommand.Run(rest, stdout, stderr),
                "eval-clusters" => await EvalClustersCommand.RunAsync(rest, stdout, stderr),
                "recluster" => await ReclusterCommand.RunAsync(rest, stdout),
                "export-gold" => await ExportGoldCommand.RunAsync(rest, stdout, stderr),
                _ => await UnknownAsync(args[0], stderr),
            };
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            await stderr.WriteLineAsync("run with --help for usage");
            return Failure;
        }
        catch (Exception ex) when (Data.Storage.DbErrors.IsBusy(ex))
        {
            // SQLite busy/locked after the connection's wait, or a PostgreSQL deadlock or serialisation
            // victim: a message, not a stack trace.
            await stderr.WriteLineAsync("error: the database stayed locked by another process (the web app or another CLI run writing) past the wait; the step that waited wrote nothing. Try again when that work has finished.");
            return Failure;
        }
        catch (Npgsql.NpgsqlException ex) when (ex is not Npgsql.PostgresException)
        {
            // The server could not be reached or the connection broke: nothing was written by the failed step.
            await stderr.WriteLineAsync($"error: could not talk to the PostgreSQL server: {ex.Message}{(ex.InnerException is { } inner ? " (" + inner.Message + ")" : "")}");
            return Failure;
        }
    }

    private static async Task<int> UnknownAsync(string command, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"error: unknown command '{command}'");
        await stderr.WriteLineAsync(Usage);
        return Failure;
    }

    public const string Usage = """
        iraqcoalition: news-analysis command-line tool

        Commands:
          extract FILE [FILE ...] [--published YYYY-MM-DD] [--out DIR]
              Print the extraction JSON (docs/extraction-contract.md) for each article.
          ingest PATH [PATH ...] [--db FILE]
              Store articles (files or folders of .md/.txt) and what is extracted from them.
          db migrate [--db FILE]
              Create or upgrade the database.
          db backup FILE [--db FILE]   /   db restore FILE --force [--db FILE]
          db copy --from FILE|CONNECTION --to FILE|CONNECTION
                                       every table into a new, empty database on either engine
                                       (SQLite file or "Host=...;Database=..."), counted and checksummed
              Consistent online copy of the database (SQLite backup API); restore replaces its content.
          users add NAME --role Admin|Editor|Analyst [--password-stdin] [--db FILE]
              Create an account; prints a generated password once (to be changed at first sign-in)
              unless one is read from stdin.
          users reset-password NAME [--db FILE]
              A new generated password, to be changed at the next sign-in.
          users list [--db FILE]
          seed-synthetic --db FILE [--articles N] [--actors N] [--events N] [--force]
              Fill a separate database with a large realistic record (default 100,000 articles,
              50,000 actors, 1,000,000 events) for benchmarks.
          bench-queries --db FILE [--runs N]
              Latency (p50/p95) of the dashboard's queries on that database.
          bench-ingest --db FILE [--articles DIR ...] [--keep]
              Ingest articles (default data/articles) into a copy of that database, one by one:
              time per article and the part spent matching reports to stored events.
          briefing list | export ID|--from.. --dyad IRQ-USA.. --out FILE [--format pdf|html|md|csv|json] | save
              List saved briefings, export one (or an ad hoc scope) as PDF, HTML, Markdown, CSV or JSON.
          bench [--words N] [--corpus DIR] [--stages]
              Measure extraction speed (words/s) and peak memory on one thread.
          train tagger|parser|ner --train FILE --dev FILE --out FILE [...]
              Train the linguistic models (data/models/README.md).
          annotate FILE [--conllu-input] [--out FILE]   /   eval-conllu GOLD SYSTEM
              The linguistic layer as CoNLL-U, and its CoNLL 2018 scores against a treebank.
          recluster [--db FILE]
              Match every event report again that no editor placed (docs/event-clusters.md).
          eval-clusters GOLD_DIR... --articles DIR... [--verbose]
              Ingest the articles into a temporary database and score its event clusters
              against the gold files' cluster keys.
          export-gold --out DIR [--article ID ...] [--db FILE]
              Write the articles editors reviewed (or the ones named) as NAME.md and NAME.gold.json
              test data for the extraction (docs/gold-format.md).

        The database defaults to data/iraqcoalition.db (ConnectionStrings__Default overrides it).
        """;
}

public sealed class UsageException(string message) : Exception(message);
