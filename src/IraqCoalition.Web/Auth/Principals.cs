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

    /// <summary>The account's session stamp when the cookie was issued; a changed stamp ends the session.</summary>
    public const string StampClaim = "iqc:stamp";

    /// <summary>Present while the account must replace its password before doing anything else.</summary>
    public const string MustChangePasswordClaim = "iqc:must-change-password";

    public static ClaimsPrincipal Create(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(StampClaim, user.SessionStamp),
        ];
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
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

    public static bool MustChangePassword(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == MustChangePasswordClaim);

    /// <summary>Whether the claims still describe <paramref name="user"/> as stored: same session, name, role and password state.</summary>
    public static bool Matches(this ClaimsPrincipal principal, UserRow user) =>
        principal.FindFirstValue(StampClaim) == user.SessionStamp && principal.ToUserContext() is var claimed
        && claimed.UserName == user.UserName && claimed.Role == user.Role && principal.MustChangePassword() == user.MustChangePassword;

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
