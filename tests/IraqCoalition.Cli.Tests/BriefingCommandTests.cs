using Microsoft.Data.Sqlite;

namespace IraqCoalition.Cli.Tests;

public sealed class BriefingCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-cli-tests", Guid.NewGuid().ToString("N"));

    public BriefingCommandTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "cli.db");

    private string File_(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Saved_briefing_is_listed_and_exported_by_id()
    {
        var saved = await CliRun.Run("briefing", "save", "--title", "Weekly Iraq", "--author", "Rana", "--from", "2020-01-01", "--to", "2020-02-29",
            "--dyad", "IRQ-USA", "--marking", "RESTRICTED", "--db", Db);
        Assert.Equal((0, "saved briefing 1: Weekly Iraq"), (saved.Exit, saved.Out.Trim()));

        var list = await CliRun.Run("briefing", "list", "--db", Db);
        Assert.Contains("Weekly Iraq  (2020-01-01 to 2020-02-29, Rana)", list.Out, StringComparison.Ordinal);

        var export = await CliRun.Run("briefing", "export", "1", "--out", File_("b.md"), "--db", Db);
        Assert.Equal(0, export.Exit);
        var md = await File.ReadAllTextAsync(File_("b.md"));
        Assert.Contains("# Weekly Iraq", md, StringComparison.Ordinal);
        Assert.Contains("**RESTRICTED**", md, StringComparison.Ordinal);
        Assert.Contains("- Scope: Dyads: IRQ-USA", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ad_hoc_export_takes_the_format_from_the_file_name()
    {
        var r = await CliRun.Run("briefing", "export", "--from", "2020-01-01", "--to", "2020-02-29", "--dyad", "IRQ-USA", "--dyad", "IRQ-RUS",
            "--title", "Ad hoc", "--out", File_("events.csv"), "--db", Db);

        Assert.Equal(0, r.Exit);
        var bytes = await File.ReadAllBytesAsync(File_("events.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("type,id,date,pinned,code", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.Contains("0 events", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_without_chromium_fails_with_the_install_hint_and_writes_nothing()
    {
        var r = await CliRun.Run("briefing", "export", "--title", "x", "--format", "pdf", "--out", File_("x.pdf"), "--chromium", "/nonexistent/chromium", "--db", Db);

        Assert.Equal(1, r.Exit);
        Assert.Contains("Chromium not found at /nonexistent/chromium; install it with: apt-get install -y chromium", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(File_("x.pdf")));
    }

    [Theory]
    [InlineData("briefing", "export", "--dyad", "IRQUSA", "--out", "x.md")]
    [InlineData("briefing", "export", "--out", "x.docx")]
    [InlineData("briefing", "export", "42", "--out", "x.md")]
    [InlineData("briefing", "export", "--from", "2020-02-01", "--to", "2020-01-01", "--out", "x.md")]
    [InlineData("briefing", "save")]
    [InlineData("briefing")]
    public async Task Bad_arguments_are_usage_errors(params string[] args)
    {
        var r = await CliRun.Run([.. args, "--db", Db]);
        Assert.Equal(1, r.Exit);
        Assert.StartsWith("error: ", r.Err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
