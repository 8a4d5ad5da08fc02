using System.Globalization;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Quality;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>export-gold --db FILE --out DIR [--article ID ...]</c>: the editors' record as gold files (docs/gold-format.md).</summary>
public static class ExportGoldCommand
{
    public const string UsageText = "usage: export-gold --out DIR [--article ID ...] [--db FILE]";

    public static async Task<int> RunAsync(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--db", "--out", "--article"]);
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"export-gold takes no '{args.Positional[0]}': {UsageText}");
        }

        var outDir = args.Get("--out") ?? throw new UsageException($"export-gold needs --out DIR; {UsageText}");
        var ids = args.GetAll("--article")
            .Select(a => long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new UsageException($"--article '{a}' is not an article id"))
            .ToList();

        var factory = Database.Open(args);
        await new DatabaseMigrator(factory).MigrateAsync();
        GoldCounts n;
        try
        {
            // The CLI runs with the database file's owner's rights, as the other commands do.
            n = await new GoldExporter(factory).WriteDirectoryAsync(UserContext.System, outDir, ids);
        }
        catch (KeyNotFoundException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return CliApp.Failure;
        }

        if (n.Articles == 0)
        {
            await stdout.WriteLineAsync("0 articles written: no event or statement has been reviewed by an editor yet (name articles with --article to export them anyway)");
            return CliApp.Ok;
        }

        var skipped = n.Skipped == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {n.Skipped} statement(s) without a speaker left out");
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{n.Articles} article(s) written to {outDir}: {n.Actors} actors, {n.Statements} statements, {n.Events} events, {n.Dyads} dyads ({n.Required} required){skipped}"));
        return CliApp.Ok;
    }
}
