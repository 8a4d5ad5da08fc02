using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace IraqCoalition.Web.Components.Layout;

/// <summary>
/// MudThemeProvider whose theme <c>&lt;style&gt;</c> is one string for all circuits.
/// </summary>
/// <remarks>
/// MudThemeProvider builds its 22 KB style text anew on every render, and each circuit keeps it
/// twice (in the current render tree and in the previous one). The text depends only on the theme
/// and light or dark, so it is built as before and then swapped for the one kept copy of that text.
/// Everything else (dark mode, the system preference, the palette) is MudThemeProvider's own.
/// </remarks>
public sealed class SharedThemeProvider : MudThemeProvider
{
    /// <summary>Light and dark, with and without the scrollbar styles: a handful; more is not a theme.</summary>
    private const int MaxKept = 16;

    /// <summary>The hover styles MudThemeProvider's template writes between the scrollbar and the theme.</summary>
    private const string ChartStyle =
        "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly ConcurrentDictionary<string, string> Kept = new(StringComparer.Ordinal);

    // MudThemeProvider's own template (MudBlazor 9.12), each text swapped for its kept copy;
    // SharedThemeProviderTests compares the markup with MudThemeProvider's, light and dark.
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        ArgumentNullException.ThrowIfNull(__builder);
        if (!DefaultScrollbar)
        {
            __builder.AddMarkupContent(0, Share(BuildMudBlazorScrollbar()));
        }

        __builder.AddMarkupContent(1, ChartStyle);
        __builder.AddMarkupContent(2, Share(BuildTheme()));
    }

    /// <summary>The kept instance of <paramref name="markup"/> (for tests: two circuits get the same one).</summary>
    internal static string Share(string markup) =>
        Kept.TryGetValue(markup, out var kept) ? kept
        : Kept.Count < MaxKept ? Kept.GetOrAdd(markup, markup)
        : markup;
}
