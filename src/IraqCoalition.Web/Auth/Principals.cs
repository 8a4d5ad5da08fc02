using System.Globalization;
using System.Security.Claims;
using IraqCoalition.Data.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IraqCoalition.Web.Auth;

/// <summary>Between the cookie's claims and the <see cref="UserContext"/> the data services check.</summary>
public static class Principals
{
    public const string EditorPolicy = "Editor";
    public const string AdminPolicy = "Admin";

    public static ClaimsPrincipal Create(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Anonymous unless the principal is authenticated and names a known role.</summary>
    public static UserContext ToUserContext(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return UserContext.Anonymous;
        }

        return new UserContext(name, Roles.Parse(principal.FindFirstValue(ClaimTypes.Role)));
    }

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
