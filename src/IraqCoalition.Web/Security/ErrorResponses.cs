using System.Net;
using System.Text.Json;
using IraqCoalition.Web.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace IraqCoalition.Web.Security;

/// <summary>
/// What a visitor sees when a request fails: a short page (or a problem document for the API) with a
/// reference to the log entry, never the exception. It is used in every environment, Development
/// included, because the developer exception page would show stack traces to anyone who can reach
/// the port; the log has the details.
/// </summary>
public static class ErrorResponses
{
    public static IApplicationBuilder UseFriendlyErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            CreateScopeForErrors = true,
            StatusCodeSelector = StatusFor,
            ExceptionHandler = HandleAsync,
        });

    /// <summary>Malformed requests are the caller's fault (400 and friends), everything else is ours (500).</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A page or problem document for <paramref name="status"/>; <paramref name="detail"/> must be safe to show to anyone.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (WantsJson(context.Request))
        {
            return ApiProblems.WriteAsync(context, status, detail);
        }

        // Scripts that fetch (the briefing download) show the text as it is; pages get a page.
        if (!context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync($"{detail} (reference {context.TraceIdentifier})");
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Page(title, detail, context.TraceIdentifier));
    }

    private static Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError : StatusFor(exception);
        // Framework messages of bad requests name the parameter or limit only; other messages may hold paths and data.
        return status < 500 && exception is not null
            ? WriteAsync(context, status, "Bad request", exception.Message)
            : WriteAsync(context, status, "Something went wrong",
                "The server could not answer this request. The error was logged; if it keeps happening, give the administrator the reference below.");
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Self-contained (no layout, no circuit, no database): the page must render even when those are what failed.</summary>
    private static string Page(string title, string detail, string reference) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}} · Iraq Coalition Monitor</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2em}</style>
        </head><body>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        <p id="error-detail">{{WebUtility.HtmlEncode(detail)}}</p>
        <p>Reference: <code id="error-reference">{{WebUtility.HtmlEncode(reference)}}</code></p>
        <p><a href="/">Go to the timeline</a></p>
        </body></html>
        """;

    /// <summary>A JSON body the API could not read, as a message for the caller.</summary>
    public static string Describe(JsonException exception) =>
        exception.Path is { Length: > 0 } path ? $"The body is not valid JSON (at {path}, line {exception.LineNumber + 1})." : "The body is not valid JSON.";
}
