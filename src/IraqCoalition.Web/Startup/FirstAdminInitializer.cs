using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Auth;

namespace IraqCoalition.Web.Startup;

/// <summary>
/// A fresh install has nobody who could sign in to create accounts: the first start creates an
/// administrator with a one-time password that must be changed at first sign-in. The password goes
/// to the console only, never through the logger, whose file sink keeps 14 days of world-readable
/// logs; where nobody sees the console, <c>users reset-password admin</c> on the CLI makes a new one.
/// </summary>
public sealed class FirstAdminInitializer(UserService users, AuthOptions options, ILogger<FirstAdminInitializer> logger)
{
    /// <summary>Where the password is printed; the process's standard output unless a host says otherwise.</summary>
    public TextWriter Console { get; init; } = System.Console.Out;

    /// <returns>The generated password, or null when accounts already existed.</returns>
    public async Task<string?> EnsureAdminAsync(CancellationToken ct)
    {
        if (await users.CountAsync(ct) > 0)
        {
            return null;
        }

        var password = UserService.GeneratePassword();
        await users.CreateAsync(UserContext.System, options.InitialAdmin, Roles.Admin, password, mustChangePassword: true, ct);
        logger.LogWarning(
            "No user accounts existed: created administrator '{UserName}'. Its one-time password is printed on the console only (not in the log) and must be changed at first sign-in; if it is lost, make a new one with: users reset-password {UserName}",
            options.InitialAdmin, options.InitialAdmin);
        await Console.WriteLineAsync(
            $"""

            ==== First start: administrator '{options.InitialAdmin}' created ====
            One-time password: {password}
            Sign in at /account/login and choose a new password. It is shown only here, never in the log files.

            """);
        await Console.FlushAsync(ct);
        return password;
    }
}
