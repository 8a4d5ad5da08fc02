using IraqCoalition.Web.Endpoints;

namespace IraqCoalition.Web.Security;

/// <summary>
/// Cross-site request forgery defence for everything the sign-in cookie authorises: a request that
/// changes state (any method but GET/HEAD/OPTIONS/TRACE) or opens a Blazor circuit (<c>/_blazor</c>,
/// whose WebSocket would otherwise act with the visitor's cookie for any site) must come from this
/// site. Browsers say where a request comes from in <c>Origin</c> (always on cross-origin POSTs and
/// WebSocket handshakes) or <c>Sec-Fetch-Site</c>; a request with neither is not from a browser page
/// and carries no ambient cookie risk. Forms additionally carry antiforgery tokens and the JSON API
/// refuses non-JSON bodies, which a cross-site form cannot send.
/// </summary>
public static class SameOriginRequests
{
    public static IApplicationBuilder UseSameOriginRequests(this IApplicationBuilder app, IReadOnlyCollection<string> trustedOrigins) =>
        app.Use(async (context, next) =>
        {
            if (NeedsCheck(context.Request) && Refusal(context.Request, trustedOrigins) is { } reason)
            {
                await ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "Refused", reason);
                return;
            }

            await next(context);
        });

    /// <summary>The origins allowed besides the request's own host (a reverse proxy that rewrites Host), from <c>Security:TrustedOrigins</c>.</summary>
    public static IReadOnlyCollection<string> TrustedOrigins(IConfiguration configuration) =>
        configuration.GetSection("Security:TrustedOrigins").Get<string[]>()?.Select(o => o.TrimEnd('/')).ToArray() ?? [];

    private static bool NeedsCheck(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        || request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the request is refused, or null when it comes from this site (or not from a browser page).</summary>
    public static string? Refusal(HttpRequest request, IReadOnlyCollection<string> trustedOrigins)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trustedOrigins);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            // "null" is what sandboxed frames and local files send: never this site.
            var ok = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                    || trustedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
            return ok ? null : $"Requests that change data must come from this site, not from {Printable(origin)}.";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none"
            ? null
            : "Requests that change data must come from this site, not from another one.";
    }

    /// <summary>Refuses POST/PUT/PATCH bodies that are not JSON (415): a cross-site form can send only form or text bodies.</summary>
    public static RouteGroupBuilder RequireJsonBodies(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (ctx, next) =>
        {
            var request = ctx.HttpContext.Request;
            var hasBody = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
            return hasBody && !request.HasJsonContentType()
                ? ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json (an empty object {} when the call takes no fields).")
                : await next(ctx);
        });
        return group;
    }

    private static string Printable(string origin) => origin.Length <= 80 && !origin.Any(char.IsControl) ? origin : "another site";
}
