namespace IraqCoalition.Cli.Tests;

public sealed class BenchCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Bench_reports_words_per_second_and_peak_memory()
    {
        var corpus = ExtractCommandTests.RepoFile("data", "articles");
        var (exit, stdout, _) = await Run("bench", "--words", "5000", "--corpus", corpus);
        Assert.Equal(0, exit);
        Assert.Matches(@"words:\s+5,\d{3}", stdout);
        Assert.Contains("words/s:", stdout, StringComparison.Ordinal);
        Assert.Contains("peak memory:", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\d+ events", stdout);
    }

    [Fact]
    public async Task Bench_corpus_repeats_and_varies_the_sources()
    {
        var sources = Commands.BenchCommand.FindSources(ExtractCommandTests.RepoFile("data", "articles"), TextWriter.Null);
        var corpus = Commands.BenchCommand.BuildCorpus(sources, 20_000);
        Assert.True(corpus.Sum(c => c.Words) >= 20_000);
        Assert.True(corpus.Count > sources.Count);
        Assert.True(corpus.Select(c => c.Article.Body).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("--words", "many")]
    [InlineData("--words", "0")]
    [InlineData("--corpus", "/no/such/folder")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        var (exit, _, stderr) = await Run("bench", option, value);
        Assert.Equal(1, exit);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }
}
