using IraqCoalition.Core.Events;

namespace IraqCoalition.Web.Editing;

/// <summary>Codes for the code pickers: by code prefix ("19", "1246") or by words of the label ("expel").</summary>
public static class CameoSearch
{
    public static IEnumerable<CameoCode> Find(CameoCodebook codebook, string? text)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        var typed = text?.Trim() ?? "";
        return codebook.Codes.Where(c => typed.Length == 0
            || c.Code.StartsWith(typed, StringComparison.Ordinal)
            || c.Label.Contains(typed, StringComparison.OrdinalIgnoreCase));
    }

    public static string? Describe(CameoCode? c) => c is null ? null : $"{c.Code} {c.Label}";
}
