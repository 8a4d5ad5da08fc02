using System.Globalization;

namespace IraqCoalition.Core.Text;

/// <summary>"1 event", "2 events": a count with its noun, so no page or briefing says "1 events".</summary>
public static class Counted
{
    public static string Of(long n, string noun, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? noun : plural ?? noun + "s")}");
}
