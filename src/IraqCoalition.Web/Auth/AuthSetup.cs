using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Startup;
using IraqCoalition.Web.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using System.Security.Claims;

namespace IraqCoalition.Web.Auth;

public static class AuthSetup
{
    public const string CookieName = ".IraqCoalition.Auth";

    /// <summary>
    /// Cookie sign-in without Identity's UI: the cookie carries the user's id, name and role; every
    /// request re-reads the account so a changed role or a disabled account takes effect at once.
    /// </summary>
    public static WebApplicationBuilder AddIraqCoalitionAuth(this WebApplicationBuilder builder)
    {
        var options = AuthOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddIraqCoalitionDataProtection();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RevalidateAsync,
                    // API callers get a status and a problem body, not a redirect to an HTML form.
                    OnRedirectToLogin = c => IsApi(c.Request) ? ApiProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first: this needs an account.") : Redirect(c),
                    OnRedirectToAccessDenied = c => IsApi(c.Request) ? ApiProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, "Your role may not do this.") : Redirect(c),
                };
            });

        var authorization = builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Principals.EditorPolicy, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Principals.AdminPolicy, p => p.RequireRole(Roles.Admin));
        if (!options.AllowAnonymousRead)
        {
            authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }

        builder.Services.AddCascadingAuthenticationState();
        // Registered before AddInteractiveServerComponents, whose default provider is only a fallback.
        builder.Services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<FirstAdminInitializer>();
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> c)
    {
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserService>();
        var user = context.Principal?.UserId() is { } id ? await users.GetAsync(id, context.HttpContext.RequestAborted) : null;
        // A cookie from before a sign-out or a password change carries an old stamp: that session has ended.
        if (user is null || user.Disabled || context.Principal!.FindFirstValue(Principals.StampClaim) != user.SessionStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!context.Principal!.Matches(user))
        {
            context.ReplacePrincipal(Principals.Create(user));
            context.ShouldRenew = true;
        }
    }
}
