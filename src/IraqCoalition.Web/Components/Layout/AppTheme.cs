using MudBlazor;

namespace IraqCoalition.Web.Components.Layout;

/// <summary>
/// One theme for the app; the dark palette keeps text contrast above WCAG AA on surfaces. Tertiary is
/// the colour of key-event markers on the charts, so it is chosen per palette like the text.
/// </summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#8b3a1f",
            Tertiary = "#7b1fa2",
            AppbarBackground = "#1f3b57",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cb8e6",
            Secondary = "#e69a7c",
            Tertiary = "#ce93d8",
            AppbarBackground = "#1b1f27",
        },
    };
}
