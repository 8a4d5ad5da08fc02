using System.Globalization;

namespace IraqCoalition.Web.Editing;

/// <summary>Tag chips are filled with the tag's colour; the text colour is chosen for contrast in either theme.</summary>
public static class TagColors
{
    public static readonly IReadOnlyList<string> Palette =
        ["#607d8b", "#c62828", "#ad1457", "#6a1b9a", "#283593", "#1565c0", "#00838f", "#2e7d32", "#9e9d24", "#ef6c00", "#4e342e", "#fdd835"];

    public static string Style(string color) => $"background-color:{color};color:{TextOn(color)}";

    /// <summary>Black or white, whichever contrasts more with <paramref name="color"/> (WCAG relative luminance).</summary>
    public static string TextOn(string color)
    {
        if (color is not ['#', .. var hex] || hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return "#fff";
        }

        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        var l = (0.2126 * Channel((rgb >> 16) & 0xff)) + (0.7152 * Channel((rgb >> 8) & 0xff)) + (0.0722 * Channel(rgb & 0xff));
        // Contrast with white is 1.05/(l+0.05), with black (l+0.05)/0.05; they are equal at l ≈ 0.179.
        return l > 0.179 ? "#000" : "#fff";
    }
}
