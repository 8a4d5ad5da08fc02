using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Tests;

/// <summary><c>db copy</c> as a user runs it (the engine itself is tested in Data.Tests' DatabaseCopyTests, on both engines).</summary>
public sealed class DbCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "iqc-cli-tests", Guid.NewGuid().ToString("N"));

    public DbCommandTests() => Directory.CreateDirectory(_dir);

    private string File_(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Copy_prints_every_table_verified_and_refuses_to_copy_over_rows()
    {
        Assert.Equal(0, (await CliRun.Run("ingest", CliRun.SampleArticle("iraq-russia-military-ties.md"), CliRun.SampleArticle("a-allawi-named-prime-minister.md"), "--db", File_("a.db"))).Exit);

        var (exit, output, err) = await CliRun.Run("db", "copy", "--from", File_("a.db"), "--to", File_("b.db"));

        Assert.True(exit == 0, err);
        Assert.Contains("counts and checksums agree", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^articles\s+2\s+2\s+same$", output);
        Assert.DoesNotContain("DIFFERENT", output, StringComparison.Ordinal);
        Assert.Contains("articles: 2/2", err, StringComparison.Ordinal);
        await using (var c = await new ConnectionFactory($"Data Source={File_("b.db")}").OpenAsync())
        {
            Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles"));
        }

        var again = await CliRun.Run("db", "copy", "--from", File_("a.db"), "--to", File_("b.db"));
        Assert.Equal(1, again.Exit);
        Assert.Contains("is not empty", again.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_arguments_and_sources_get_one_clear_line()
    {
        var noTarget = await CliRun.Run("db", "copy", "--from", File_("a.db"));
        Assert.Equal(1, noTarget.Exit);
        Assert.Contains("db copy needs --from and --to", noTarget.Err, StringComparison.Ordinal);

        var noSource = await CliRun.Run("db", "copy", "--from", File_("missing.db"), "--to", File_("c.db"));
        Assert.Equal(2, noSource.Exit);
        Assert.Contains("missing.db does not exist", noSource.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(File_("c.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
