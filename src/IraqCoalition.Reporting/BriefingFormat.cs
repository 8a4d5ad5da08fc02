namespace IraqCoalition.Reporting;

public enum BriefingFormat
{
    Pdf,
    Html,
    Markdown,
    Csv,
    Json,
}

public static class BriefingFormats
{
    public static bool TryParse(string? text, out BriefingFormat format)
    {
        switch (text?.Trim().TrimStart('.').ToLowerInvariant())
        {
            case "pdf": format = BriefingFormat.Pdf; return true;
            case "html" or "htm": format = BriefingFormat.Html; return true;
            case "md" or "markdown": format = BriefingFormat.Markdown; return true;
            case "csv": format = BriefingFormat.Csv; return true;
            case "json": format = BriefingFormat.Json; return true;
            default: format = default; return false;
        }
    }

    public static string Extension(this BriefingFormat f) => f switch
    {
        BriefingFormat.Pdf => ".pdf",
        BriefingFormat.Html => ".html",
        BriefingFormat.Markdown => ".md",
        BriefingFormat.Csv => ".csv",
        _ => ".json",
    };

    public static string ContentType(this BriefingFormat f) => f switch
    {
        BriefingFormat.Pdf => "application/pdf",
        BriefingFormat.Html => "text/html; charset=utf-8",
        BriefingFormat.Markdown => "text/markdown; charset=utf-8",
        BriefingFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
