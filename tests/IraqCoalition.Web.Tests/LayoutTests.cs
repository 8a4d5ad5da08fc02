using Bunit;
using IraqCoalition.Web.Components.Layout;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Components;

namespace IraqCoalition.Web.Tests;

public sealed class LayoutTests : PageTestContext
{
    [Fact]
    public void Navigation_reaches_every_page_and_the_layout_marks_itself_interactive()
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        var links = layout.FindAll("nav a, .mud-navmenu a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).Distinct().ToList();
        Assert.Equal(
            [("Timeline", "/"), ("Relationships", "/relationships"), ("Actors", "/actors"), ("Statements", "/statements"),
             ("Articles", "/articles"), ("Briefings", "/briefings"), ("Search", "/search")],
            links);
        layout.WaitForAssertion(() => Assert.Equal("true", layout.Find(".mud-layout").GetAttribute("data-interactive")));
    }

    [Fact]
    public void Theme_button_switches_between_light_and_dark()
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        layout.Find("button[aria-label='Switch to dark theme']").Click();

        Assert.NotNull(layout.Find("button[aria-label='Switch to light theme']"));
    }

    [Fact]
    public void The_theme_chosen_before_is_the_theme_the_page_opens_in_and_a_new_choice_is_kept()
    {
        JSInterop.Setup<string?>("iqc.storedTheme").SetResult("dark");
        var store = JSInterop.SetupVoid("iqc.storeTheme", "light");
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        layout.WaitForAssertion(() => Assert.Contains("theme-dark", layout.Find(".mud-layout").ClassList));
        layout.Find("button[aria-label='Switch to light theme']").Click();

        Assert.Contains("theme-light", layout.Find(".mud-layout").ClassList);
        Assert.Single(store.Invocations);
    }
}
