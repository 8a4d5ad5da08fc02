namespace IraqCoalition.Web.Security;

/// <summary>
/// Headers that make the browser refuse what this site never does: scripts from elsewhere or inline
/// (CSP script-src 'self'; the app has no inline script, see App.razor), being framed by another site,
/// sniffing a download into HTML, leaking the page address to other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Styles allow inline attributes: MudBlazor sets them on its components. Blazor's circuit is a
    /// WebSocket to this origin ('self'). SVG charts and the favicon placeholder are data: images.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            await next(context);
        });
}
