using IraqCoalition.Data.Accounts;
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

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, UserService users, IAntiforgery antiforgery) =>
        {
            var target = SafeReturnUrl(returnUrl);
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Redirect($"{LoginPath}?error=expired&returnUrl={Uri.EscapeDataString(target)}");
            }

            var result = await users.SignInAsync(userName?.Trim() ?? "", password ?? "", http.RequestAborted);
            if (result is not { Outcome: SignInOutcome.Success, User: { } user })
            {
                var error = result.Outcome switch
                {
                    SignInOutcome.LockedOut => "locked",
                    SignInOutcome.Disabled => "disabled",
                    _ => "failed",
                };
                return Results.Redirect($"{LoginPath}?error={error}&user={Uri.EscapeDataString(userName ?? "")}&returnUrl={Uri.EscapeDataString(target)}");
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
