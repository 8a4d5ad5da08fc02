using System.Text.RegularExpressions;

namespace IraqCoalition.WebBench;

internal sealed record BenchPage(string Name, string Path);

/// <summary>The dashboard's main pages, with an actor and an article the server really holds.</summary>
internal static partial class BenchPages
{
    public static async Task<IReadOnlyList<BenchPage>> DiscoverAsync(HttpClient http, CancellationToken ct)
    {
        // The timeline links every event's actors: the most linked one has the fullest actor page.
        var timeline = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var actor = ActorLink().Matches(timeline).GroupBy(m => m.Groups[1].Value)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
            ?? throw new InvalidOperationException("the timeline links no actor: does the server hold any events?");
        var articles = await http.GetStringAsync(new Uri("/articles", UriKind.Relative), ct);
        var article = ArticleLink().Match(articles) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("/articles links no article: does the server hold any?");

        return
        [
            new("timeline", "/"),
            new("timeline, dyad", "/?a=IRQ&b=USA"),
            new("timeline, text+dates", "/?q=strike&from=2020-01-01&to=2020-01-31"),
            new("timeline, quad 4", "/?quad=4"),
            new("relationships", "/relationships"),
            new("actors", "/actors"),
            new("actor page", $"/actors/{actor}"),
            new("statements", "/statements"),
            new("articles", "/articles"),
            new("article reader", $"/articles/{article}"),
            new("search", "/search?q=Iraq"),
            new("briefings", "/briefings"),
        ];
    }

    [GeneratedRegex("""href="/?actors/(\d+)""")]
    private static partial Regex ActorLink();

    [GeneratedRegex("""href="/?articles/(\d+)""")]
    private static partial Regex ArticleLink();
}
