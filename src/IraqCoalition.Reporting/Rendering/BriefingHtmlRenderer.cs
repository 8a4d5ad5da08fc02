using IraqCoalition.Core.Text;
using System.Globalization;
using System.Text;
using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Statements;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Composition;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>
/// Writes a briefing as one self-contained HTML page (inline CSS and SVG, no script, no external
/// files). The web app shows this same HTML as the preview, and Chromium prints it to PDF, so what
/// the analyst sees is what the commander gets.
/// </summary>
public sealed class BriefingHtmlRenderer
{
    /// <summary>
    /// Fonts for Latin and Arabic names: Noto Sans for Latin, Noto Naskh Arabic for Arabic script,
    /// DejaVu as the fallback present on most Linux machines (Debian packages fonts-noto-core, fonts-dejavu-core).
    /// </summary>
    public const string FontStack = "'Noto Sans', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif";

    // Scripts are off entirely; styles are inline; images only as data: URIs (none today).
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

    public string RenderHtml(BriefingDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(Html.Text(doc.Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<div class=\"marking marking-top\">").Append(Html.Text(doc.HandlingMarking)).Append("</div>\n");
        Cover(sb, doc);
        Summary(sb, doc);
        if (doc.Has(BriefingSections.KeyEvents))
        {
            Events(sb, doc);
        }

        if (doc.Has(BriefingSections.KeyStatements))
        {
            Statements(sb, doc);
        }

        if (doc.Has(BriefingSections.RelationshipCharts))
        {
            Charts(sb, doc);
        }

        if (doc.Has(BriefingSections.ActorProfiles))
        {
            Actors(sb, doc);
        }

        if (doc.Has(BriefingSections.Sources))
        {
            Sources(sb, doc);
        }

        References(sb, doc);
        sb.Append("<div class=\"marking marking-bottom\">").Append(Html.Text(doc.HandlingMarking)).Append("</div>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Cover(StringBuilder sb, BriefingDocument doc)
    {
        sb.Append("<header class=\"cover\">\n<p class=\"kind\">Briefing</p>\n<h1>").Append(Html.Text(doc.Title)).Append("</h1>\n<dl>\n");
        if (!string.IsNullOrWhiteSpace(doc.Author))
        {
            Row(sb, "Author", doc.Author);
        }

        Row(sb, "Period", doc.Period);
        Row(sb, "Date", Wording.Generated(doc.GeneratedAt));
        Row(sb, "Scope", doc.ScopeDescription);
        Row(sb, "Handling", doc.HandlingMarking);
        sb.Append("</dl>\n");
        if (doc.Notes.Count > 0)
        {
            sb.Append("<ul class=\"notes\">\n");
            foreach (var n in doc.Notes)
            {
                sb.Append("<li>").Append(Html.Text(n)).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("</header>\n");

        static void Row(StringBuilder sb, string name, string? value) =>
            sb.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(Html.Text(value)).Append("</dd></div>\n");
    }

    private static void Summary(StringBuilder sb, BriefingDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Summary))
        {
            return;
        }

        sb.Append("<section id=\"summary\" class=\"summary\">\n<h2>Summary</h2>\n").Append(SafeMarkdown.ToHtml(doc.Summary)).Append("</section>\n");
    }

    private static void Events(StringBuilder sb, BriefingDocument doc)
    {
        if (!OpenSection(sb, "key-events", "Key events", doc.Events.Count, "No events in this scope and period."))
        {
            return;
        }

        sb.Append("<ol class=\"events\">\n");
        foreach (var e in doc.Events)
        {
            sb.Append("<li class=\"event quad-").Append(e.QuadClass.ToString(CultureInfo.InvariantCulture)).Append(e.Pinned ? " pinned" : "").Append("\">\n");
            sb.Append("<div class=\"meta\"><time datetime=\"").Append(Html.Attr(e.Date)).Append("\">").Append(Html.Text(e.Date)).Append("</time>");
            if (e.Pinned)
            {
                sb.Append(" <span class=\"pin\">Pinned</span>");
            }

            sb.Append(" <span class=\"code\">CAMEO ").Append(Html.Text(e.Code)).Append(" · ").Append(Html.Text(e.Label)).Append("</span>");
            sb.Append(" <span class=\"goldstein\">Goldstein ").Append(Wording.Goldstein(e.Goldstein)).Append("</span></div>\n");
            sb.Append("<p class=\"actors\">").Append(Html.Text(Wording.Participants(e)));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                sb.Append(" · ").Append(Html.Text(e.Location));
            }

            sb.Append("</p>\n<p class=\"event-summary\">").Append(Html.Text(e.Summary)).Append(' ');
            Cite(sb, e.Citation);
            sb.Append("</p>\n");
            if (!SameSentence(e.Summary, e.Evidence))
            {
                sb.Append("<blockquote class=\"evidence\">").Append(Html.Text(e.Evidence)).Append("</blockquote>\n");
            }

            Reports(sb, e);
            sb.Append("</li>\n");
        }

        sb.Append("</ol>\n</section>\n");
    }

    /// <summary>"3 reports, 2 sources" and every report's outlet, article, date, citation and link to its words in the article.</summary>
    private static void Reports(StringBuilder sb, BriefingEvent e)
    {
        if (e.Reports.Count == 0)
        {
            return;
        }

        sb.Append("<p class=\"coverage\">").Append(Html.Text(Wording.Coverage(e))).Append(":</p>\n<ul class=\"reports\">\n");
        foreach (var r in e.Reports)
        {
            sb.Append("<li class=\"report\"><span class=\"outlet\">").Append(Html.Text(Wording.Outlet(r))).Append("</span>: ")
              .Append("<a class=\"report-link\" href=\"").Append(Html.Attr(r.Link)).Append("\">").Append(Html.Text(Wording.Title(r))).Append("</a>");
            if (!string.IsNullOrWhiteSpace(r.Published))
            {
                sb.Append(", <time datetime=\"").Append(Html.Attr(r.Published)).Append("\">").Append(Html.Text(r.Published)).Append("</time>");
            }

            sb.Append(' ');
            Cite(sb, r.Citation);
            sb.Append("</li>\n");
        }

        sb.Append("</ul>\n");
    }

    private static void Statements(StringBuilder sb, BriefingDocument doc)
    {
        if (!OpenSection(sb, "key-statements", "Key statements", doc.Statements.Count, "No statements in this scope and period."))
        {
            return;
        }

        foreach (var s in doc.Statements)
        {
            sb.Append("<figure class=\"statement").Append(s.Direct ? " direct" : " reported").Append(s.Pinned ? " pinned" : "").Append("\">\n");
            // Reported speech is the writer's paraphrase, not the speaker's words: plain text, never a quotation.
            var shown = StatementWording.Display(s.Text, s.Direct);
            sb.Append(shown.Quoted
                ? $"<blockquote>{DisplayedStatement.Opening}{Html.Text(shown.Text)}{DisplayedStatement.Closing}</blockquote>\n"
                : $"<p class=\"paraphrase\"><span class=\"lead\">{DisplayedStatement.ReportedLead}</span> {Html.Text(shown.Text)}</p>\n");
            sb.Append("<figcaption>— <span class=\"speaker\">").Append(Html.Text(Wording.Speaker(s))).Append("</span>");
            if (!string.IsNullOrWhiteSpace(s.Cue))
            {
                sb.Append(", ").Append(Html.Text(s.Cue));
            }

            if (s.Date is not null)
            {
                sb.Append(", <time>").Append(Html.Text(s.Date)).Append("</time>");
            }

            if (s.Pinned)
            {
                sb.Append(" <span class=\"pin\">Pinned</span>");
            }

            sb.Append(' ');
            Cite(sb, s.Citation);
            sb.Append("</figcaption>\n</figure>\n");
        }

        sb.Append("</section>\n");
    }

    private static void Charts(StringBuilder sb, BriefingDocument doc)
    {
        sb.Append("<section id=\"relationships\">\n<h2>Relationships</h2>\n");
        if (doc.Charts.Count == 0)
        {
            sb.Append("<p class=\"empty\">No dyads were chosen for this briefing.</p>\n");
        }

        foreach (var c in doc.Charts)
        {
            sb.Append("<figure class=\"chart\">\n<figcaption><strong>").Append(Html.Text($"{c.Dyad.A} – {c.Dyad.B}")).Append("</strong>: ")
              .Append(c.Events.ToString(CultureInfo.InvariantCulture)).Append(" events by week, stacked by tone (quad class, or neutral for Goldstein 0), with the mean Goldstein score (−10 conflict to +10 cooperation).</figcaption>\n");
            sb.Append(DyadChartSvg.Render(c, doc.From, doc.To)).Append("\n</figure>\n");
        }

        sb.Append("</section>\n");
    }

    private static void Actors(StringBuilder sb, BriefingDocument doc)
    {
        if (!OpenSection(sb, "actors", "Actor profiles", doc.Actors.Count, "No actors take part in this briefing's events."))
        {
            return;
        }

        sb.Append("<div class=\"profiles\">\n");
        foreach (var a in doc.Actors)
        {
            sb.Append("<div class=\"profile\">\n<h3>").Append(Html.Text(a.Name)).Append("</h3>\n<p class=\"facts\">").Append(Html.Text(ActorWording.Kind(a.Kind)));
            if (!string.IsNullOrWhiteSpace(a.Country))
            {
                sb.Append(" · ").Append(Html.Text(a.Country));
            }

            foreach (var extra in new[] { a.Title, a.Role }.Where(x => !string.IsNullOrWhiteSpace(x)))
            {
                sb.Append(" · ").Append(Html.Text(extra));
            }

            sb.Append("</p>\n");
            if (a.Aliases.Count > 0)
            {
                sb.Append("<p class=\"aliases\">Also: ").Append(Html.Text(string.Join(", ", a.Aliases))).Append("</p>\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"counts\">{Counted.Of(a.BriefingEvents, "event")} and {Counted.Of(a.BriefingStatements, "statement")} here; {Counted.Of(a.Mentions, "mention")} in {Counted.Of(a.Articles, "article")} overall</p>\n</div>\n");
        }

        sb.Append("</div>\n</section>\n");
    }

    private static void Sources(StringBuilder sb, BriefingDocument doc)
    {
        if (!OpenSection(sb, "sources", "Sources", doc.Sources.Count, "Nothing in this briefing cites an article."))
        {
            return;
        }

        sb.Append("<table class=\"sources\">\n<thead><tr><th>Outlet</th><th>Articles</th><th>Events</th><th>Statements</th><th>Published</th></tr></thead>\n<tbody>\n");
        foreach (var s in doc.Sources)
        {
            var range = s.FirstPublished == s.LastPublished ? s.FirstPublished : $"{s.FirstPublished} to {s.LastPublished}";
            sb.Append("<tr><td>").Append(Html.Text(s.Name)).Append(CultureInfo.InvariantCulture, $"</td><td>{s.Articles}</td><td>{s.Events}</td><td>{s.Statements}</td><td>")
              .Append(Html.Text(range)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void References(StringBuilder sb, BriefingDocument doc)
    {
        if (doc.Citations.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"references\">\n<h2>References</h2>\n<ol class=\"citations\">\n");
        foreach (var c in doc.Citations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li id=\"ref-{c.Number}\" value=\"{c.Number}\"><span class=\"ref-number\">[{c.Number}]</span> ").Append(Html.Text(Wording.Reference(c)));
            if (!string.IsNullOrWhiteSpace(c.Url))
            {
                // Shown as text and linked only when it is a web address: a stored URL is still outside data.
                sb.Append(' ');
                if (SafeMarkdown.IsSafeUrl(c.Url) && !c.Url.StartsWith('#'))
                {
                    sb.Append("<a class=\"url\" href=\"").Append(Html.Attr(c.Url)).Append("\">").Append(Html.Text(c.Url)).Append("</a>");
                }
                else
                {
                    sb.Append("<span class=\"url\">").Append(Html.Text(c.Url)).Append("</span>");
                }
            }

            sb.Append("</li>\n");
        }

        sb.Append("</ol>\n</section>\n");
    }

    /// <summary>Writes the section's heading; with nothing to list, says so, closes it and returns false.</summary>
    private static bool OpenSection(StringBuilder sb, string id, string title, int count, string whenEmpty)
    {
        sb.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(title).Append("</h2>\n");
        if (count > 0)
        {
            return true;
        }

        sb.Append("<p class=\"empty\">").Append(Html.Text(whenEmpty)).Append("</p>\n</section>\n");
        return false;
    }

    /// <summary>The evidence repeats the summary when the extractor had no shorter summary: show it once.</summary>
    internal static bool SameSentence(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('.', '!', '?', ' '), b.Trim().TrimEnd('.', '!', '?', ' '), StringComparison.OrdinalIgnoreCase);

    private static void Cite(StringBuilder sb, int n) =>
        sb.Append(CultureInfo.InvariantCulture, $"<a class=\"cite\" href=\"#ref-{n}\">[{n}]</a>");

    private const string Css = """

        :root { --ink: #1c2430; --muted: #5b6675; --rule: #d5dbe3; --accent: #24476b; }
        * { box-sizing: border-box; }
        html { font-family: 'Noto Sans', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.45; font-variant-ligatures: no-common-ligatures; }
        body { margin: 0 auto; max-width: 190mm; padding: 0 4mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1 { font-size: 22pt; line-height: 1.2; margin: 0.2em 0 0.5em; color: var(--accent); }
        h2 { font-size: 14pt; color: var(--accent); border-bottom: 1.5px solid var(--accent); padding-bottom: 2px; margin: 1.4em 0 0.6em; break-after: avoid; }
        h3 { font-size: 11pt; margin: 0 0 0.2em; }
        .marking { text-align: center; font-weight: 700; letter-spacing: 0.04em; font-size: 9pt; padding: 3px; border: 1px solid var(--ink); margin: 6px 0; }
        .cover { border: 2px solid var(--accent); padding: 10mm 9mm 7mm; margin: 4mm 0 8mm; }
        .cover .kind { text-transform: uppercase; letter-spacing: 0.2em; color: var(--muted); margin: 0; font-size: 9pt; }
        .cover dl { display: grid; grid-template-columns: 1fr; gap: 2px; margin: 0; }
        .cover dl > div { display: flex; gap: 8px; }
        .cover dt { width: 24mm; flex: none; color: var(--muted); }
        .cover dd { margin: 0; }
        .notes { margin: 5mm 0 0; padding-left: 5mm; color: #8a4b00; font-size: 9.5pt; }
        .summary { font-size: 11pt; }
        ol.events { list-style: none; padding: 0; margin: 0; }
        .event { border-left: 4px solid var(--rule); padding: 3px 0 3px 9px; margin: 0 0 9px; break-inside: avoid; }
        .event.quad-1 { border-color: #81c784; } .event.quad-2 { border-color: #2e7d32; }
        .event.quad-3 { border-color: #ffb74d; } .event.quad-4 { border-color: #c62828; }
        .event p { margin: 1px 0; }
        .meta { font-size: 9pt; color: var(--muted); }
        .meta time { font-weight: 700; color: var(--ink); }
        .pin { background: var(--accent); color: #fff; border-radius: 3px; padding: 0 4px; font-size: 8pt; }
        .actors { font-weight: 600; }
        .event .coverage { font-size: 9pt; color: var(--muted); margin-top: 2px; }
        ul.reports { margin: 0; padding-left: 5mm; font-size: 9pt; }
        .report .outlet { font-weight: 600; }
        a.report-link { color: var(--ink); }
        blockquote { margin: 2px 0 0; padding: 0 0 0 8px; border-left: 2px solid var(--rule); color: #3d4755; font-style: italic; }
        .statement { margin: 0 0 10px; break-inside: avoid; }
        .statement blockquote { font-size: 10.5pt; }
        .statement .paraphrase { margin: 2px 0 0; font-size: 10.5pt; }
        .statement .paraphrase .lead { color: var(--muted); }
        .statement figcaption { font-size: 9.5pt; color: var(--muted); margin-top: 2px; }
        .speaker { font-weight: 700; color: var(--ink); }
        a.cite { color: var(--accent); text-decoration: none; font-weight: 600; }
        .chart { margin: 0 0 8mm; break-inside: avoid; }
        .chart figcaption { font-size: 9.5pt; margin-bottom: 3px; }
        svg.dyad-chart { width: 100%; height: auto; font-family: inherit; }
        svg .grid { stroke: #e3e7ec; stroke-width: 1; }
        svg .zero { stroke-dasharray: 3 3; stroke-width: 0.8; }
        svg .axis { font-size: 9px; fill: var(--muted); }
        svg .legend { font-size: 9px; fill: var(--ink); }
        svg .strike { stroke: #6a1b9a; stroke-width: 1.4; stroke-dasharray: 4 2; }
        svg .strike-label { font-size: 9px; fill: #6a1b9a; font-weight: 700; }
        .profiles { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 14px; }
        .profile { border-top: 1px solid var(--rule); padding-top: 4px; break-inside: avoid; }
        .profile p { margin: 0; font-size: 9.5pt; }
        .facts, .counts { color: var(--muted); }
        table.sources { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
        table.sources th, table.sources td { text-align: left; border-bottom: 1px solid var(--rule); padding: 3px 6px 3px 0; }
        ol.citations { padding-left: 0; list-style: none; font-size: 9.5pt; }
        ol.citations li { margin-bottom: 3px; break-inside: avoid; }
        .ref-number { font-weight: 700; color: var(--accent); }
        .url { word-break: break-all; color: var(--muted); }
        .empty { color: var(--muted); font-style: italic; }
        table { border-collapse: collapse; } td, th { border: 1px solid var(--rule); padding: 2px 5px; }
        @media screen { body { padding: 8mm; } }
        @media print {
          @page { size: A4; margin: 20mm 14mm 18mm 14mm; }
          body { max-width: none; padding: 0; }
          .marking-top, .marking-bottom { display: none; }
          a { color: inherit; }
        }

        """;
}
