using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Storage;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Cli.Tests;

public sealed class UsersCommandTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "iqc-cli-tests", Guid.NewGuid().ToString("N"), "users.db");

    private async Task<(int Exit, string Out, string Err)> Run(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--db", _db], stdout, stderr, new StringReader(stdin ?? ""));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Add_prints_a_generated_password_once_that_signs_in()
    {
        var (exit, output, _) = await Run(null, "users", "add", "admin", "--role", "admin");

        Assert.Equal(0, exit);
        var password = output.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();
        Assert.Equal(20, password.Length);
        var result = await new UserService(new ConnectionFactory($"Data Source={_db}")).SignInAsync("admin", password);
        Assert.Equal(SignInOutcome.Success, result.Outcome);
        Assert.Equal(Roles.Admin, result.User!.Role);
        Assert.True(result.User.MustChangePassword);
    }

    [Fact]
    public async Task Reset_password_prints_a_new_one_that_must_be_changed_and_replaces_the_old()
    {
        await Run("correct horse battery\n", "users", "add", "ed", "--role", "Editor", "--password-stdin");

        var (exit, output, _) = await Run(null, "users", "reset-password", "ed");

        Assert.Equal(0, exit);
        var password = output.Split('\n').Single(l => l.StartsWith("new password for ed: ", StringComparison.Ordinal))["new password for ed: ".Length..].Trim();
        var users = new UserService(new ConnectionFactory($"Data Source={_db}"));
        Assert.Equal(SignInOutcome.Failed, (await users.SignInAsync("ed", "correct horse battery")).Outcome);
        Assert.True((await users.SignInAsync("ed", password)).User!.MustChangePassword);
        Assert.Equal(CliApp.Failure, (await Run(null, "users", "reset-password", "nobody")).Exit);
    }

    [Fact]
    public async Task Password_from_stdin_is_used_and_not_printed()
    {
        var (exit, output, _) = await Run("correct horse battery\n", "users", "add", "ed", "--role", "Editor", "--password-stdin");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("correct horse", output, StringComparison.Ordinal);
        var result = await new UserService(new ConnectionFactory($"Data Source={_db}")).SignInAsync("ed", "correct horse battery");
        Assert.Equal(SignInOutcome.Success, result.Outcome);
        // Chosen by its owner: nothing to change.
        Assert.False(result.User!.MustChangePassword);
    }

    [Fact]
    public async Task Short_passwords_unknown_roles_and_duplicates_are_refused()
    {
        Assert.Equal(1, (await Run("short\n", "users", "add", "x1", "--role", "Editor", "--password-stdin")).Exit);
        Assert.Equal(1, (await Run(null, "users", "add", "x2", "--role", "Boss")).Exit);
        Assert.Equal(0, (await Run(null, "users", "add", "x3", "--role", "Analyst")).Exit);
        var dup = await Run(null, "users", "add", "X3", "--role", "Analyst");
        Assert.Equal(1, dup.Exit);
        Assert.Contains("already exists", dup.Err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }
}
