using System.Net;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>Escaping for text and attribute values; every value from the database or a user goes through it.</summary>
internal static class Html
{
    public static string Text(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Attr(string? s) => WebUtility.HtmlEncode(s ?? "");
}
