using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>extract FILE... [--published YYYY-MM-DD] [--out DIR]</c>, exactly as the contract says.</summary>
public static class ExtractCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr, IExtractionPipeline? pipeline = null)
    {
        var args = Args.Parse(argv, ["--published", "--out"]);
        if (args.Positional.Count == 0)
        {
            throw new UsageException("extract needs at least one FILE");
        }

        DateOnly? published = null;
        if (args.Get("--published") is { } p)
        {
            published = FrontMatter.ParseDate(p) ?? throw new UsageException($"--published '{p}' is not a YYYY-MM-DD date");
        }

        var outDir = args.Get("--out");
        if (outDir is null && args.Positional.Count > 1)
        {
            throw new UsageException("several FILEs need --out DIR (one JSON file per input)");
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        pipeline ??= new ExtractionPipeline();
        var exit = CliApp.Ok;
        foreach (var file in args.Positional)
        {
            Article article;
            try
            {
                article = ArticleReader.ReadFile(file);
            }
            catch (ArticleReadException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                exit = CliApp.BadInput;
                continue;
            }

            foreach (var warning in article.Warnings)
            {
                stderr.WriteLine($"warning: {file}: {warning}");
            }

            var result = pipeline.Extract(article, published);
            var json = JsonSerializer.Serialize(result, Json);
            if (outDir is null)
            {
                stdout.WriteLine(json);
            }
            else
            {
                var target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json");
                // Write then rename, so an interrupted run never leaves half a JSON file behind.
                var tmp = target + ".tmp";
                File.WriteAllText(tmp, json + "\n");
                File.Move(tmp, target, overwrite: true);
            }
        }

        return exit;
    }
}
