using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;

namespace IraqCoalition.Web.Endpoints;

/// <summary>Refusals and failures of the HTTP API as RFC 9457 problem documents with a message a person can act on.</summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(status, detail), options: null, contentType: "application/problem+json");
    }

    public static IResult Result(int status, string detail) => Results.Json(Body(status, detail), contentType: "application/problem+json", statusCode: status);

    /// <summary>Service exceptions mapped to statuses: the services do the refusing, this only translates.</summary>
    public static IEndpointConventionBuilder WithApiProblems(this IEndpointConventionBuilder builder) =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            try
            {
                return await next(ctx);
            }
            catch (ForbiddenException ex)
            {
                var anonymous = ctx.HttpContext.User.Identity?.IsAuthenticated != true;
                return Result(anonymous ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, ex.Message);
            }
            catch (KeyNotFoundException ex)
            {
                return Result(StatusCodes.Status404NotFound, ex.Message);
            }
            catch (Security.ServerBusyException ex)
            {
                ctx.HttpContext.Response.Headers.RetryAfter = Security.WorkLimits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Result(StatusCodes.Status429TooManyRequests, ex.Message);
            }
            catch (BadHttpRequestException ex)
            {
                return Result(ex.StatusCode, ex.Message);
            }
            catch (System.Text.Json.JsonException ex)
            {
                return Result(StatusCodes.Status400BadRequest, Security.ErrorResponses.Describe(ex));
            }
            catch (ConcurrencyException ex)
            {
                return Result(StatusCodes.Status409Conflict, ex.Message);
            }
            catch (InvalidOperationException ex)
            {
                return Result(StatusCodes.Status409Conflict, ex.Message);
            }
            catch (Exception ex) when (ex is ArgumentException or ArticleReadException)
            {
                return Result(StatusCodes.Status400BadRequest, ex.Message);
            }
        });

    private static object Body(int status, string detail) => new
    {
        type = $"https://httpstatuses.io/{status}",
        title = status switch
        {
            StatusCodes.Status401Unauthorized => "Not signed in",
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status409Conflict => "Conflict",
            StatusCodes.Status413PayloadTooLarge => "Too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            StatusCodes.Status429TooManyRequests => "Busy",
            >= 500 => "Server error",
            _ => "Bad request",
        },
        status,
        detail,
    };
}
