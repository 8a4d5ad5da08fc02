using IraqCoalition.Web.Endpoints;
using IraqCoalition.Web.Security;

namespace IraqCoalition.Web.Auth;

/// <summary>
/// An account whose password was generated or reset by someone else may do one thing: replace it.
/// Pages redirect to the change form; the API and Blazor circuits are refused until it is done.
/// </summary>
public static class PasswordChangeGate
{
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true || !context.User.MustChangePassword())
            {
                await next(context);
                return;
            }

            var path = context.Request.Path;
            var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);
            if (!api && Allowed(context.Request))
            {
                await next(context);
                return;
            }

            if (api || !HttpMethods.IsGet(context.Request.Method))
            {
                await ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "Change your password",
                    $"Change your password first, at {AccountEndpoints.PasswordPath}.");
                return;
            }

            var back = AccountEndpoints.SafeReturnUrl(path + context.Request.QueryString);
            context.Response.Redirect($"{AccountEndpoints.PasswordPath}?returnUrl={Uri.EscapeDataString(back)}");
        });

    /// <summary>The change form itself, signing in or out, and files (styles and scripts the form's page loads).</summary>
    private static bool Allowed(HttpRequest request) =>
        request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
        || Path.HasExtension(request.Path.Value);
}
