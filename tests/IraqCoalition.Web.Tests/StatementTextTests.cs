using Bunit;
using Dapper;
using IraqCoalition.Data.Actors;
using IraqCoalition.Data.Storage;
using IraqCoalition.Web.Components.Pages;
using IraqCoalition.Web.Components.Shared;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace IraqCoalition.Web.Tests;

/// <summary>Statements on every page: direct quotes as quotations, reported speech as plain text, inner marks balanced.</summary>
public sealed class StatementTextTests : PageTestContext
{
    // Abdul-Mahdi's reported statement, given a partial quote cut before its closing mark, as the extractor stores McKenzie's.
    private const string PartialQuote = "the strike was \u201Ca violation of Iraqi sovereignty";
    private const string Balanced = "the strike was \u201Ca violation of Iraqi sovereignty\u201D";

    private async Task StoreTextAsync(string text, bool direct)
    {
        await using var c = await Services.GetRequiredService<ConnectionFactory>().OpenAsync();
        await c.ExecuteAsync("UPDATE statements SET text = @text, direct = @direct", new { text, direct = direct ? 1 : 0 });
    }

    [Fact]
    public void Component_quotes_a_direct_quote_and_nests_its_inner_quote_in_single_marks()
    {
        var cut = Render<StatementText>(p => p.Add(x => x.Text, "We reject \u201Cany violation\u201D of it").Add(x => x.Direct, true));

        Assert.Equal("\u201CWe reject \u2018any violation\u2019 of it\u201D", cut.Find(".statement-quote").TextContent);
        Assert.Empty(cut.FindAll("q"));
    }

    [Fact]
    public void Component_writes_reported_speech_as_plain_text_after_its_lead()
    {
        var cut = Render<StatementText>(p => p.Add(x => x.Text, PartialQuote).Add(x => x.Direct, false));

        Assert.Equal("reported: " + Balanced, cut.Find(".statement-reported").TextContent);
        Assert.Equal("reported:", cut.Find(".statement-lead").TextContent);
    }

    [Fact]
    public async Task Statements_page_shows_reported_speech_unquoted_with_its_marks_closed()
    {
        await StoreTextAsync(PartialQuote, direct: false);

        var page = RenderPage<StatementsPage>("statements");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-statement-id]")));
        // The row's chip says "reported"; the text itself is the plain paraphrase.
        Assert.Equal(Balanced, page.Find(".statement-text").TextContent.Trim());
        Assert.Empty(page.FindAll(".statement-text q"));
    }

    [Fact]
    public async Task Actor_page_and_reader_show_a_direct_quote_between_marks_with_single_inner_marks()
    {
        await StoreTextAsync(PartialQuote, direct: true);
        var actor = (await Services.GetRequiredService<ActorRepository>().SearchAsync(new ActorQuery { Text = "Abdul-Mahdi" })).Items.First();

        var actorPage = RenderPage<ActorPage>($"actors/{actor.Id}", p => p.Add(x => x.Id, actor.Id));
        actorPage.WaitForAssertion(() => Assert.NotEmpty(actorPage.FindAll(".actor-statements .statement-quote")));
        Assert.Equal("\u201Cthe strike was \u2018a violation of Iraqi sovereignty\u2019\u201D", actorPage.Find(".actor-statements .statement-quote").TextContent);

        var article = (await Services.GetRequiredService<Data.Articles.ArticleRepository>().ListAsync(0, 50, "Soleimani killed")).Items.Single().Id;
        var reader = RenderPage<ArticleReaderPage>($"articles/{article}", p => p.Add(x => x.Id, article));
        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll(".reader-statements .statement-quote")));
        Assert.Contains("Adel Abdul-Mahdi said: \u201Cthe strike was \u2018a violation of Iraqi sovereignty\u2019\u201D", reader.Find(".reader-statements").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_lists_reported_speech_as_plain_text()
    {
        var article = (await Services.GetRequiredService<Data.Articles.ArticleRepository>().ListAsync(0, 50, "Soleimani killed")).Items.Single().Id;

        var reader = RenderPage<ArticleReaderPage>($"articles/{article}", p => p.Add(x => x.Id, article));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll(".reader-statements .statement-reported")));
        Assert.Contains("Adel Abdul-Mahdi, reported: " + TestCorpus.SovereigntyStatement, reader.Find(".reader-statements").TextContent, StringComparison.Ordinal);
        Assert.Empty(reader.FindAll(".reader-statements q"));
    }
}
