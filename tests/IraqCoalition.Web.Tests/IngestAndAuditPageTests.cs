using Bunit;
using Microsoft.AspNetCore.Components;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Components.Pages.Admin;
using IraqCoalition.Web.Editing;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IraqCoalition.Web.Tests;

public sealed class IngestAndAuditPageTests : PageTestContext
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<ArticleUploads>();
    }

    private void SignInAsEditor(string name)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(Roles.Editor);
        Authorization.SetPolicies(Principals.EditorPolicy);
    }

    [Fact]
    public void Pasted_text_is_stored_once_then_reported_as_a_duplicate_with_what_was_found()
    {
        SignInAsEditor("erin");
        var corpus = TestCorpus.Articles[2];
        var cut = RenderPage<IngestPage>("/ingest");

        cut.Find("textarea#pasted-text").Input(corpus.Article.Body + "\n\nTalks continue.");
        cut.Find("input#ingest-title").Change(corpus.Article.Title);
        cut.WaitForAssertion(() => Assert.False(cut.Find("#start-ingest").HasAttribute("disabled")));
        cut.Find("#start-ingest").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stored as", cut.Find(".ingest-outcome").TextContent, StringComparison.Ordinal));
        var cells = cut.FindAll(".ingest-outcome td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([corpus.Actors.Count.ToString(), corpus.Statements.Count.ToString(), corpus.Events.Count.ToString()], cells[2..]);

        cut.Find("#start-ingest").Click();

        cut.WaitForAssertion(() => Assert.Contains("not stored again", cut.Find(".ingest-outcome").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_that_is_not_an_article_is_reported_and_not_stored()
    {
        SignInAsEditor("erin");
        var cut = RenderPage<IngestPage>("/ingest");

        var articles = Services.GetRequiredService<Data.Articles.ArticleRepository>();
        var before = await articles.CountAsync();
        cut.Find("textarea#pasted-text").Input("<html><body><script>alert(1)</script></body></html>");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#start-ingest").HasAttribute("disabled")));
        cut.Find("#start-ingest").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not stored: has no article text", cut.Find(".ingest-outcome").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await articles.CountAsync());
    }

    [Fact]
    public void Analysts_get_a_notice_instead_of_the_ingestion_form()
    {
        Authorization.SetAuthorized("ana");
        Authorization.SetRoles(Roles.Analyst);

        var cut = RenderPage<IngestPage>("/ingest");

        Assert.Empty(cut.FindAll("#start-ingest"));
        Assert.Contains("needs the Editor role", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_page_filters_by_user_and_shows_before_and_after_values()
    {
        SignInAsEditor("erin");
        var tags = Services.GetRequiredService<Data.Tags.TagService>();
        var tag = await tags.CreateAsync(new UserContext("omar", Roles.Editor), "old name");
        await tags.RenameAsync(new UserContext("erin", Roles.Editor), tag.Id, "new name");

        var cut = RenderPage<AuditPage>("/audit?user=erin");

        cut.WaitForAssertion(() => Assert.Contains("1 change", cut.Find("#audit-count").TextContent, StringComparison.Ordinal));
        var changed = cut.Find(".audit-change tr.changed");
        Assert.Equal(["name", "old name", "new name"], changed.Children.Select(c => c.TextContent.Trim()));
        Assert.Contains("tag.rename", cut.Find(".audit-table").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest", "Adding articles needs an account with the Editor role")]
    [InlineData("audit", "Reading the audit trail needs an account with the Editor role")]
    [InlineData("admin/users", "Managing accounts needs an account with the Admin role")]
    public void Visitors_see_what_a_page_needs_and_a_sign_in_link_back_to_it(string path, string says)
    {
        switch (path)
        {
            case "ingest": Check(RenderPage<IngestPage>(path)); break;
            case "audit": Check(RenderPage<AuditPage>(path)); break;
            default: Check(RenderPage<UsersPage>(path)); break;
        }

        void Check<T>(IRenderedComponent<T> page)
            where T : IComponent
        {
            page.WaitForAssertion(() => Assert.Contains(says, page.Markup, StringComparison.Ordinal));
            Assert.Equal($"/account/login?returnUrl={Uri.EscapeDataString("/" + path)}", page.Find("#access-sign-in").GetAttribute("href"));
        }
    }
}
