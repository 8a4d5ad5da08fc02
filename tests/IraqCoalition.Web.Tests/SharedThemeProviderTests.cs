using Bunit;
using IraqCoalition.Web.Components.Layout;
using IraqCoalition.Web.Tests.Fixtures;
using MudBlazor;

namespace IraqCoalition.Web.Tests;

public sealed class SharedThemeProviderTests : PageTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Renders_exactly_the_markup_of_MudThemeProvider(bool dark)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(x => x.Theme, AppTheme.Theme).Add(x => x.IsDarkMode, dark));
        var shared = Render<SharedThemeProvider>(p => p.Add(x => x.Theme, AppTheme.Theme).Add(x => x.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", mud.Markup, StringComparison.Ordinal);
        Assert.Equal(mud.Markup, shared.Markup);
    }

    [Fact]
    public void Light_and_dark_differ_and_switching_redraws_the_style()
    {
        var light = Render<MudThemeProvider>(p => p.Add(x => x.Theme, AppTheme.Theme).Add(x => x.IsDarkMode, false)).Markup;
        var dark = Render<MudThemeProvider>(p => p.Add(x => x.Theme, AppTheme.Theme).Add(x => x.IsDarkMode, true)).Markup;
        var shared = Render<SharedThemeProvider>(p => p.Add(x => x.Theme, AppTheme.Theme).Add(x => x.IsDarkMode, false));
        Assert.NotEqual(light, dark);
        Assert.Equal(light, shared.Markup);

        shared.Render(p => p.Add(x => x.IsDarkMode, true));
        Assert.Equal(dark, shared.Markup);

        shared.Render(p => p.Add(x => x.IsDarkMode, false));
        Assert.Equal(light, shared.Markup);
    }

    [Fact]
    public void Equal_style_texts_built_apart_become_one_instance()
    {
        var text = "<style>:root{--shared-theme-test:" + Guid.NewGuid().ToString("N") + "}</style>";
        var first = SharedThemeProvider.Share(new string(text.AsSpan()));
        var second = SharedThemeProvider.Share(new string(text.AsSpan()));

        Assert.Same(first, second);
        Assert.Equal(text, second);
    }
}
