namespace IraqCoalition.Cli.Tests;

public sealed class LinguisticsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ic-ling-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Annotate_prints_conllu_whose_token_ranges_are_the_words_of_the_text()
    {
        var file = Path.Combine(_dir, "a.txt");
        const string body = "BAGHDAD — Iraq’s parliament didn't wait.\n\nRussia offered help on Monday.";
        await File.WriteAllTextAsync(file, body);
        var (exit, stdout, stderr) = await Run("annotate", file);
        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(10, r.Length));
        foreach (var r in rows)
        {
            var range = r[9].Split('|')[0]["TokenRange=".Length..].Split(':').Select(int.Parse).ToArray();
            Assert.Equal(r[1], body[range[0]..range[1]]);
        }

        Assert.Contains(rows, r => r[1] == "n't" && r[2] == "not");
        Assert.Contains(rows, r => r[1] == "offered" && r[3] == "VERB" && r[7] == "root");
        Assert.Equal(3, stdout.Split('\n').Count(l => l.StartsWith("# sent_id", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Annotate_of_conllu_keeps_the_words_and_eval_conllu_scores_it()
    {
        var gold = ExtractCommandTests.RepoFile("data", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu");
        var slice = Path.Combine(_dir, "slice.conllu");
        var sentences = File.ReadAllText(gold).Split("\n\n").Take(60);
        await File.WriteAllTextAsync(slice, string.Join("\n\n", sentences) + "\n\n");
        var system = Path.Combine(_dir, "system.conllu");
        var (exit, _, err) = await Run("annotate", "--conllu-input", slice, "--out", system);
        Assert.True(exit == 0, err);
        var (evalExit, scores, evalErr) = await Run("eval-conllu", slice, system);
        Assert.True(evalExit == 0, evalErr);
        Assert.Matches(@"Words\s+100\.00\s+100\.00\s+100\.00", scores);
        var uas = double.Parse(scores.Split('\n').Single(l => l.StartsWith("UAS", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(uas, 70, 100);
    }

    [Fact]
    public async Task Train_tagger_writes_a_model_that_loads_and_reports_dev_accuracy()
    {
        var train = ExtractCommandTests.RepoFile("data", "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu");
        var dev = ExtractCommandTests.RepoFile("data", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu");
        var model = Path.Combine(_dir, "tagger.icm");
        var (exit, stdout, stderr) = await Run("train", "tagger", "--train", train, "--dev", dev, "--limit", "300", "--epochs", "1", "--out", model);
        Assert.True(exit == 0, stderr);
        Assert.Matches(@"epoch 1: dev UPOS \d+\.\d\d", stdout);
        Assert.True(Core.Linguistics.Tagging.PosTagger.Load(model).FeatureCount > 1000);
    }

    [Fact]
    public async Task Train_with_a_missing_file_or_unknown_model_says_so()
    {
        var (exit, _, stderr) = await Run("train", "tagger", "--train", "/no/such.conllu", "--out", Path.Combine(_dir, "x.icm"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("/no/such.conllu", stderr, StringComparison.Ordinal);
        var (exit2, _, stderr2) = await Run("train", "lemmas", "--train", ExtractCommandTests.RepoFile("data", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu"), "--out", Path.Combine(_dir, "x.icm"));
        Assert.Equal(CliApp.Failure, exit2);
        Assert.Contains("unknown model", stderr2, StringComparison.Ordinal);
    }
}
