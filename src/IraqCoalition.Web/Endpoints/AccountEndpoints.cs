using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>The change-password page (GET); its form posts to <see cref="ChangePasswordPath"/>.</summary>
    public const string PasswordPath = "/account/password";

    public const string ChangePasswordPath = "/account/password/change";

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
            catch (Exception ex) when (DbErrors.IsBusy(ex))
            {
                // Another process held the write lock past the busy timeout (a long ingestion from the CLI),
                // or PostgreSQL picked this transaction as a deadlock victim.
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

        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, UserService users, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The sign-out form expired; reload the page and sign out again.");
            }

            // A copy of the cookie (another tab, a stolen one) must not outlive the sign-out.
            if (http.User.UserId() is { } id)
            {
                await users.EndSessionsAsync(id, http.RequestAborted);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous().DisableAntiforgery();

        app.MapPost(ChangePasswordPath, async ([FromForm] string? current, [FromForm] string? next, [FromForm] string? confirm, [FromForm] string? returnUrl,
            HttpContext http, UserService users, IAntiforgery antiforgery) =>
        {
            var back = $"&returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
            if (http.User.UserId() is not { } id)
            {
                return Results.Redirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(PasswordPath)}");
            }

            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Redirect($"{PasswordPath}?error=expired{back}");
            }

            if (next != confirm)
            {
                return Results.Redirect($"{PasswordPath}?error=mismatch{back}");
            }

            UserRow user;
            try
            {
                user = await users.ChangePasswordAsync(id, current ?? "", next ?? "", http.RequestAborted);
            }
            catch (ArgumentException ex)
            {
                var error = ex.ParamName switch
                {
                    "currentPassword" => "wrong",
                    _ when next == current => "same",
                    _ => "short",
                };
                return Results.Redirect($"{PasswordPath}?error={error}{back}");
            }

            // The change ended every session, this one included; a new cookie carries the new stamp.
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principals.Create(user));
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireAuthorization().DisableAntiforgery();
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
