using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Auth;

namespace IraqCoalition.Web.Startup;

/// <summary>
/// A fresh install has nobody who could sign in to create accounts: the first start creates an
/// administrator and writes its one-time password to the log, once (later starts find a user).
/// </summary>
public sealed class FirstAdminInitializer(UserService users, AuthOptions options, ILogger<FirstAdminInitializer> logger)
{
    /// <returns>The generated password, or null when accounts already existed.</returns>
    public async Task<string?> EnsureAdminAsync(CancellationToken ct)
    {
        if (await users.CountAsync(ct) > 0)
        {
            return null;
        }

        var password = UserService.GeneratePassword();
        await users.CreateAsync(UserContext.System, options.InitialAdmin, Roles.Admin, password, ct);
        logger.LogWarning(
            "No user accounts existed: created administrator '{UserName}' with the one-time password {Password}. It is shown only now; sign in and add real accounts at /admin/users",
            options.InitialAdmin, password);
        return password;
    }
}
