using System.Text;
using Microsoft.AspNetCore.Http.Features;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Tags;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Editing;
using IraqCoalition.Web.Security;

namespace IraqCoalition.Web.Endpoints;

/// <summary>An article sent as text (pasted, or a file's content) with the fields an editor sets.</summary>
public sealed record ArticleUploadRequest(string? Text, string? FileName, string? Title, string? Source, string? Url, DateOnly? Published);

/// <summary>A tag to put on an actor: an existing one by id, or by name (created if new).</summary>
public sealed record ActorTagRequest(long? TagId, string? Name, string? Color);

/// <summary>
/// The HTTP endpoints that change data. Each checks the caller's role before reading the body, and
/// the services check again; refusals come back as 401 (not signed in) or 403 (role too low).
/// JSON bodies keep them out of reach of cross-site form posts.
/// </summary>
public static class EditingApi
{
    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.WithApiProblems();
        api.RequireJsonBodies();

        api.MapPost("/articles", async (HttpContext http, ArticleUploads uploads) =>
        {
            var user = Require(http, "add articles");
            // JSON escapes (\uXXXX) can make the text up to six times longer on the wire; beyond that it cannot fit the article limit.
            var limit = (6L * ArticleUploads.MaxBytes) + 65536;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Request.ContentLength > limit)
            {
                return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, $"The request is over {limit:N0} bytes; one article may have at most {ArticleUploads.MaxBytes:N0} bytes of text.");
            }

            var request = await ReadJsonAsync<ArticleUploadRequest>(http) ?? throw new ArgumentException("Send the article as JSON with a text field.");
            var origin = string.IsNullOrWhiteSpace(request.FileName) ? "pasted text" : request.FileName.Trim();
            var bytes = Encoding.UTF8.GetBytes(request.Text ?? "");
            var outcome = await uploads.IngestAsync(user, bytes, origin,
                new UploadMetadata { Title = request.Title, Source = request.Source, Url = request.Url, Published = request.Published }, http.RequestAborted);
            return outcome switch
            {
                { Error: { } error } => ApiProblems.Result(StatusCodes.Status400BadRequest, $"{origin} {error}"),
                { Result.Duplicate: true } r => Results.Ok(r.Result),
                var r => Results.Created($"/articles/{r.Result!.ArticleId}", r.Result),
            };
        });

        api.MapPost("/articles/reextract", async (HttpContext http, ArticleUploads uploads) =>
        {
            var user = Require(http, "re-extract all articles");
            var count = await uploads.ReextractAllAsync(user, null, http.RequestAborted);
            return Results.Ok(new { articles = count });
        });

        api.MapPost("/actors/{id:long}/tags", async (long id, HttpContext http, TagService tags) =>
        {
            var user = Require(http, "tag actors");
            var request = await ReadJsonAsync<ActorTagRequest>(http) ?? throw new ArgumentException("Send {\"tagId\": n} or {\"name\": \"...\"}.");
            var tagId = request.TagId ?? await TagIdByNameAsync(tags, user, request, http.RequestAborted);
            await tags.AddToActorAsync(user, id, tagId, http.RequestAborted);
            return Results.Ok(await tags.ForActorAsync(id, http.RequestAborted));
        });

        api.MapDelete("/actors/{id:long}/tags/{tagId:long}", async (long id, long tagId, HttpContext http, TagService tags) =>
        {
            var user = Require(http, "untag actors");
            await tags.RemoveFromActorAsync(user, id, tagId, http.RequestAborted);
            return Results.Ok(await tags.ForActorAsync(id, http.RequestAborted));
        });
        return app;
    }

    /// <summary>Refuses before the body is read, so an anonymous caller cannot make the server parse a large upload.</summary>
    internal static UserContext Require(HttpContext http, string action)
    {
        var user = http.User.ToUserContext();
        Authorization.Require(user, Roles.Editor, action);
        return user;
    }

    /// <summary>The group's filter has checked the content type; malformed JSON surfaces as a JsonException, answered as 400.</summary>
    private static ValueTask<T?> ReadJsonAsync<T>(HttpContext http) => http.Request.ReadFromJsonAsync<T>(http.RequestAborted);

    private static async Task<long> TagIdByNameAsync(TagService tags, UserContext user, ActorTagRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? throw new ArgumentException("Give a tagId or a name.");
        var existing = (await tags.ListAsync(ct)).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return existing?.Id ?? (await tags.CreateAsync(user, name, request.Color, ct)).Id;
    }
}
