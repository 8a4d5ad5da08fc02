using System.Security.Claims;
using IraqCoalition.Data.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace IraqCoalition.Web.Auth;

/// <summary>
/// A Blazor circuit keeps the user it started with; the cookie is not read again until the page
/// reloads. Every half minute this checks the account is unchanged, and a demoted, disabled or
/// deleted user becomes anonymous in the open circuit, so the services refuse from then on.
/// </summary>
public sealed class AccountRevalidation(ILoggerFactory loggerFactory, UserService users)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(users, authenticationState.User, cancellationToken);

    /// <summary>True for anonymous users and for users whose account still has the session, name, role and password state in their claims.</summary>
    public static async Task<bool> IsCurrentAsync(UserService users, ClaimsPrincipal principal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var account = principal.UserId() is { } id ? await users.GetAsync(id, ct) : null;
        return account is { Disabled: false } && principal.Matches(account);
    }
}
