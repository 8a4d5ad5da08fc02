using System.Text.Json;

namespace IraqCoalition.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(Path.Combine(parts));
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Extract_prints_every_contract_field_for_the_seed()
    {
        var (exit, stdout, _) = await Run("extract", RepoFile("data", "articles", "iraq-russia-military-ties.md"));
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        foreach (var field in new[] { "article", "actors", "statements", "events", "timexes" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        foreach (var field in new[] { "title", "source", "published", "sentences" })
        {
            Assert.True(root.GetProperty("article").TryGetProperty(field, out _), field);
        }

        Assert.Equal("2020-02-05", root.GetProperty("article").GetProperty("published").GetString());
        var actor = root.GetProperty("actors")[0];
        foreach (var field in new[] { "id", "name", "kind", "country", "title", "role", "aliases", "mentions" })
        {
            Assert.True(actor.TryGetProperty(field, out _), field);
        }

        var statement = root.GetProperty("statements")[0];
        foreach (var field in new[] { "speaker", "text", "direct", "cue", "content", "source", "cue_span" })
        {
            Assert.True(statement.TryGetProperty(field, out _), field);
        }

        var events = root.GetProperty("events");
        Assert.True(events.GetArrayLength() >= 8);
        var ev = events[0];
        foreach (var field in new[] { "code", "root", "label", "goldstein", "source", "target", "date", "location", "summary", "evidence" })
        {
            Assert.True(ev.TryGetProperty(field, out _), field);
        }

        Assert.Equal(JsonValueKind.String, ev.GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.String, ev.GetProperty("root").ValueKind);
        foreach (var field in new[] { "value", "start", "end", "precision", "text" })
        {
            Assert.True(ev.GetProperty("date").TryGetProperty(field, out _), field);
        }

        // The Jan. 3 strike is among the seed's events, coded as force (root 18-20).
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("root").GetString() is "18" or "19" or "20"
            && e.GetProperty("evidence").GetProperty("text").GetString()!.Contains("drone strike", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Out_writes_one_stem_json_per_file()
    {
        var a = Path.Combine(_dir, "first.md");
        var b = Path.Combine(_dir, "second.txt");
        File.Copy(RepoFile("data", "articles", "iraq-russia-military-ties.md"), a);
        File.WriteAllText(b, "Russia condemned the U.S. strike in Baghdad.\n");
        var outDir = Path.Combine(_dir, "out");
        var (exit, stdout, stderr) = await Run("extract", a, b, "--out", outDir, "--published", "2020-01-04");
        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "first.json")));
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "second.json")));
        Assert.Equal("2020-01-04", second.RootElement.GetProperty("article").GetProperty("published").GetString());
        Assert.Equal("111", second.RootElement.GetProperty("events")[0].GetProperty("code").GetString());
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public async Task Unreadable_inputs_exit_2_with_one_line_each_and_the_rest_is_processed()
    {
        var good = Path.Combine(_dir, "good.md");
        var empty = Path.Combine(_dir, "empty.md");
        var binary = Path.Combine(_dir, "binary.md");
        var latin1 = Path.Combine(_dir, "latin1.txt");
        File.Copy(RepoFile("data", "articles", "iraq-russia-military-ties.md"), good);
        File.WriteAllText(empty, "");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0x00, 0xFF]);
        // "Café" in Latin-1: 0xE9 alone is not UTF-8.
        File.WriteAllBytes(latin1, [.. "Caf"u8, 0xE9, .. " in Baghdad."u8]);
        var outDir = Path.Combine(_dir, "out");
        var (exit, _, stderr) = await Run("extract", empty, binary, good, latin1, "--out", outDir);
        Assert.Equal(2, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("empty.md", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("binary.md", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("latin1.txt", StringComparison.Ordinal));
        Assert.Equal(["good.json"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Several_files_without_out_is_a_usage_error()
    {
        var (exit, _, stderr) = await Run("extract", "a.md", "b.md");
        Assert.Equal(1, exit);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }
}
