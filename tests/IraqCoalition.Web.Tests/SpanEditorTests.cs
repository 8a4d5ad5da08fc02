using Bunit;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Articles;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Components.Editing;
using IraqCoalition.Web.Editing;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IraqCoalition.Web.Tests;

/// <summary>The reader's add-from-selection editor on a real database: prefilled from the sentence, stored as the editor's, refused for analysts.</summary>
public sealed class SpanEditorTests : PageTestContext
{
    private async Task<(long ArticleId, int Start, int End)> SpanAsync(string evidence, string words)
    {
        var articles = await Services.GetRequiredService<ArticleRepository>().ListAsync(0, 50);
        foreach (var a in articles.Items)
        {
            var body = (await Services.GetRequiredService<ArticleRepository>().GetAsync(a.Id))!.Body;
            var at = body.IndexOf(evidence, StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = body.IndexOf(words, at, StringComparison.Ordinal);
                return (a.Id, start, start + words.Length);
            }
        }

        throw new InvalidOperationException($"No article holds '{evidence}'.");
    }

    private async Task<T> ScalarAsync<T>(string sql, object? p = null)
    {
        await using var c = await Services.GetRequiredService<ConnectionFactory>().OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql, p))!;
    }

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<SpanEditor> RenderEditor((long ArticleId, int Start, int End) span, SpanEditMode mode, Action<long> saved)
    {
        _popovers = Render<MudPopoverProvider>();
        return Render<SpanEditor>(p => p
            .Add(x => x.ArticleId, span.ArticleId).Add(x => x.Start, span.Start).Add(x => x.End, span.End).Add(x => x.Mode, mode)
            .Add(x => x.OnSaved, saved));
    }

    [Fact]
    public async Task A_selected_event_is_prefilled_from_its_sentence_and_added_as_the_editors()
    {
        SignInAs("erin", Roles.Editor);
        var span = await SpanAsync(TestCorpus.ParliamentEvidence, "demanded the withdrawal");
        long saved = 0;
        var cut = RenderEditor(span, SpanEditMode.Event, id => saved = id);

        cut.WaitForAssertion(() => Assert.Equal("demanded the withdrawal", cut.Find("#span-editor-selection").TextContent));
        Assert.Contains(TestCorpus.ParliamentEvidence, cut.Markup, StringComparison.Ordinal);
        // Chips offer the sentence's actors; one click fills the source.
        cut.FindAll(".actor-suggestions .mud-chip").First(c => c.GetAttribute("aria-label") == "Source: Iraq").Click();
        cut.Find("#new-event-code").Input("1233");
        var popovers = _popovers!;
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), li => li.TextContent.StartsWith("1233", StringComparison.Ordinal)));
        popovers.FindAll(".mud-list-item").First(li => li.TextContent.StartsWith("1233", StringComparison.Ordinal)).Click();
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotEqual(0, saved));
        Assert.Equal("1233|editor|verified|demanded the withdrawal|Iraq",
            await ScalarAsync<string>("""
                SELECT e.code || '|' || e.origin || '|' || e.status || '|' || substr(ar.body, e.trigger_start + 1, e.trigger_end - e.trigger_start) || '|' || a.name
                FROM events e JOIN articles ar ON ar.id = e.article_id JOIN actors a ON a.id = e.source_actor_id WHERE e.id = @saved
                """, new { saved }));
    }

    [Fact]
    public async Task An_event_without_a_code_is_not_sent_and_the_editor_is_told_why()
    {
        SignInAs("erin", Roles.Editor);
        var span = await SpanAsync(TestCorpus.ParliamentEvidence, "demanded");
        var cut = RenderEditor(span, SpanEditMode.Event, _ => { });

        cut.WaitForAssertion(() => cut.Find("form"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("CAMEO code", cut.Find("#span-editor-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await ScalarAsync<int>("SELECT count(*) FROM events WHERE origin = 'editor'"));
    }

    [Fact]
    public async Task A_selected_statement_is_stored_with_the_speaker_picked_from_its_sentence()
    {
        SignInAs("erin", Roles.Editor);
        var span = await SpanAsync(TestCorpus.CondemnEvidence, "condemned the strike");
        long saved = 0;
        var cut = RenderEditor(span, SpanEditMode.Statement, id => saved = id);

        cut.WaitForAssertion(() => cut.Find(".actor-suggestions"));
        cut.FindAll(".actor-suggestions .mud-chip").First(c => c.GetAttribute("aria-label") == "Speaker: Adel Abdul-Mahdi").Click();
        cut.Find("#new-statement-cue").Change("condemned");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotEqual(0, saved));
        Assert.Equal("condemned the strike|condemned|Adel Abdul-Mahdi|0", await ScalarAsync<string>("""
            SELECT s.text || '|' || s.cue || '|' || a.name || '|' || s.direct FROM statements s JOIN actors a ON a.id = s.speaker_actor_id WHERE s.id = @saved
            """, new { saved }));
    }

    [Fact]
    public async Task An_analyst_is_refused_by_the_server_and_nothing_is_stored()
    {
        SignInAs("ann", Roles.Analyst);
        var span = await SpanAsync(TestCorpus.ParliamentEvidence, "demanded");
        var cut = RenderEditor(span, SpanEditMode.Statement, _ => Assert.Fail("an analyst's statement was saved"));

        cut.WaitForAssertion(() => cut.Find("form"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("needs the Editor role", cut.Find("#span-editor-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await ScalarAsync<int>("SELECT count(*) FROM statements WHERE origin = 'editor'"));
    }
}
