using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>users add NAME --role Admin|Editor|Analyst [--password-stdin]</c> and <c>users list</c>.
/// Whoever can run the CLI on the server owns the database file, so the CLI acts as the system account.
/// </summary>
public static class UsersCommand
{
    public static async Task<int> RunAsync(string[] argv, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--role", "--db"], ["--password-stdin"]);
        var factory = Database.Open(args);
        await new DatabaseMigrator(factory).MigrateAsync();
        var users = new UserService(factory);
        switch (args.Positional)
        {
            case ["add", var name]:
                var role = Roles.Parse(args.Get("--role")) ?? throw new UsageException("users add NAME --role Admin|Editor|Analyst [--password-stdin]");
                string password;
                var generated = !args.Has("--password-stdin");
                if (generated)
                {
                    password = UserService.GeneratePassword();
                }
                else
                {
                    password = (await stdin.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
                }

                try
                {
                    var user = await users.CreateAsync(UserContext.System, name, role, password);
                    await stdout.WriteLineAsync($"created user {user.UserName} ({user.Role})");
                    if (generated)
                    {
                        // Shown once; only its hash is stored.
                        await stdout.WriteLineAsync($"password: {password}");
                    }

                    return CliApp.Ok;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    await stderr.WriteLineAsync($"error: {ex.Message}");
                    return CliApp.Failure;
                }

            case ["list"]:
                foreach (var u in await users.ListAsync(UserContext.System))
                {
                    await stdout.WriteLineAsync($"{u.Id}\t{u.UserName}\t{u.Role}\t{(u.Disabled ? "disabled" : "active")}\t{u.LastLoginAt ?? "never signed in"}");
                }

                return CliApp.Ok;
            default:
                throw new UsageException("usage: users add NAME --role Admin|Editor|Analyst [--password-stdin] | users list");
        }
    }
}
