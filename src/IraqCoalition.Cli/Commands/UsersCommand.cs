using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>users add NAME --role Admin|Editor|Analyst [--password-stdin]</c>, <c>users reset-password NAME</c>
/// and <c>users list</c>. A generated password must be changed at its first sign-in.
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
                    var user = await users.CreateAsync(UserContext.System, name, role, password, mustChangePassword: generated);
                    await stdout.WriteLineAsync($"created user {user.UserName} ({user.Role})");
                    if (generated)
                    {
                        // Shown once; only its hash is stored.
                        await stdout.WriteLineAsync($"password: {password}");
                        await stdout.WriteLineAsync("(to be changed at the first sign-in)");
                    }

                    return CliApp.Ok;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    await stderr.WriteLineAsync($"error: {ex.Message}");
                    return CliApp.Failure;
                }

            case ["reset-password", var name]:
                if (await users.FindAsync(name) is not { } account)
                {
                    await stderr.WriteLineAsync($"error: no user named '{name}'");
                    return CliApp.Failure;
                }

                var reset = await users.ResetPasswordAsync(UserContext.System, account.Id);
                await stdout.WriteLineAsync($"new password for {account.UserName}: {reset}");
                await stdout.WriteLineAsync("(to be changed at the next sign-in; the user's open sessions have ended)");
                return CliApp.Ok;

            case ["list"]:
                foreach (var u in await users.ListAsync(UserContext.System))
                {
                    await stdout.WriteLineAsync($"{u.Id}\t{u.UserName}\t{u.Role}\t{(u.Disabled ? "disabled" : "active")}\t{u.LastLoginAt ?? "never signed in"}");
                }

                return CliApp.Ok;
            default:
                throw new UsageException("usage: users add NAME --role Admin|Editor|Analyst [--password-stdin] | users reset-password NAME | users list");
        }
    }
}
