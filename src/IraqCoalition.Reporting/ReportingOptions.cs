namespace IraqCoalition.Reporting;

/// <summary>Settings of briefing composition and export (configuration section <c>Reporting</c>).</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";
    public const string DefaultChromiumPath = "/usr/lib/chromium/chromium";
    public const string DefaultHandlingMarking = "UNCLASSIFIED // FOR OFFICIAL USE ONLY";

    /// <summary>Chromium binary; Debian's real binary, not the /usr/bin wrapper script, which starts slower.</summary>
    public string ChromiumPath { get; set; } = DefaultChromiumPath;

    /// <summary>Marking used when a briefing sets none.</summary>
    public string HandlingMarking { get; set; } = DefaultHandlingMarking;

    /// <summary>
    /// The app's public address (https://example.org), so each report's link to its article and span
    /// works from a PDF or a file; without it links are relative to the app, as the web preview needs.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Most events a briefing lists; beyond it the document says it was truncated.</summary>
    public int MaxEvents { get; set; } = 500;

    public int MaxStatements { get; set; } = 200;

    /// <summary>Actor profiles when the scope names no actors: the most active actors of the events.</summary>
    public int MaxActorProfiles { get; set; } = 12;

    /// <summary>
    /// Tagged PDF with a bookmark outline (better for screen readers); Chromium then takes roughly
    /// half as long again per document, so it is off unless asked for.
    /// </summary>
    public bool TaggedPdf { get; set; }

    /// <summary>Upper bound for one PDF (launch excluded).</summary>
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
