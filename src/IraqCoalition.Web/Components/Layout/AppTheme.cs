using MudBlazor;

namespace IraqCoalition.Web.Components.Layout;

/// <summary>One theme for the app; the dark palette keeps text contrast above WCAG AA on surfaces.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#8b3a1f",
            AppbarBackground = "#1f3b57",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cb8e6",
            Secondary = "#e69a7c",
            AppbarBackground = "#1b1f27",
        },
    };
}
