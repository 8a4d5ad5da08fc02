using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Web.Endpoints;

/// <summary>
/// Sign-in and sign-out as plain form posts: a cookie can only be set on an HTTP response, never
/// from inside a Blazor circuit. The antiforgery token is checked here rather than by the framework,
/// whose failure is an exception page: a stale sign-in form should just say so and let the user retry.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>The sign-in page (GET); the form posts to <see cref="SignInPath"/>, as the page's own route also answers POST for Blazor forms.</summary>
    public const string LoginPath = "/account/login";

    public const string SignInPath = "/account/signin";

    private const int SQLiteBusy = 5;
    private const int SQLiteLocked = 6;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, UserService users, IAntiforgery antiforgery, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(AccountEndpoints));
            var target = SafeReturnUrl(returnUrl);
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Redirect($"{LoginPath}?error=expired&returnUrl={Uri.EscapeDataString(target)}");
            }

            Data.Accounts.SignInResult result;
            try
            {
                result = await users.SignInAsync(userName?.Trim() ?? "", password ?? "", http.RequestAborted);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SQLiteBusy or SQLiteLocked)
            {
                // Another process held the write lock past the busy timeout (a long ingestion from the CLI).
                return Results.Redirect($"{LoginPath}?error=busy&user={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}");
            }

            if (result is not { Outcome: SignInOutcome.Success, User: { } user })
            {
                // One answer for a wrong password, an unknown name, a lockout and a disabled account: a
                // different one would tell a stranger which account names exist. The log keeps the reason.
                logger.LogInformation("Sign-in as {UserName} refused: {Outcome}", userName, result.Outcome);
                return Results.Redirect($"{LoginPath}?error=failed&user={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principals.Create(user));
            return Results.LocalRedirect(target);
        }).AllowAnonymous().DisableAntiforgery();

        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The sign-out form expired; reload the page and sign out again.");
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>Only paths on this site: an absolute or protocol-relative URL would make the form an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl)
            || returnUrl.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }

        return returnUrl;
    }
}
