using System.Globalization;
using System.Text;
using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Statements;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Composition;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>The briefing as Markdown, for pasting into wikis and mail; data text is escaped, the summary is the author's Markdown.</summary>
public static class BriefingMarkdownWriter
{
    public static string Write(BriefingDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var sb = new StringBuilder();
        sb.Append("**").Append(Esc(doc.HandlingMarking)).Append("**\n\n");
        sb.Append("# ").Append(Esc(doc.Title)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(doc.Author))
        {
            sb.Append("- Author: ").Append(Esc(doc.Author)).Append('\n');
        }

        sb.Append("- Period: ").Append(Esc(doc.Period)).Append('\n');
        sb.Append("- Date: ").Append(Wording.Generated(doc.GeneratedAt)).Append('\n');
        sb.Append("- Scope: ").Append(Esc(doc.ScopeDescription)).Append("\n\n");
        foreach (var n in doc.Notes)
        {
            sb.Append("> ").Append(Esc(n)).Append('\n');
        }

        if (doc.Notes.Count > 0)
        {
            sb.Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(doc.Summary))
        {
            sb.Append("## Summary\n\n").Append(doc.Summary.Trim()).Append("\n\n");
        }

        if (doc.Has(BriefingSections.KeyEvents))
        {
            sb.Append("## Key events\n\n");
            foreach (var e in doc.Events)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- **{e.Date}**{(e.Pinned ? " (pinned)" : "")} {Esc(Wording.Participants(e))}: {Esc(e.Summary)} ")
                  .Append(CultureInfo.InvariantCulture, $"*CAMEO {Esc(e.Code)} {Esc(e.Label)}, Goldstein {Wording.Goldstein(e.Goldstein)}* [{e.Citation}]\n");
                if (e.Reports.Count > 0)
                {
                    sb.Append("  - ").Append(Esc(Wording.Coverage(e))).Append(":\n");
                    foreach (var r in e.Reports)
                    {
                        sb.Append("    - ").Append(Esc(Wording.Outlet(r))).Append(": [").Append(Esc(Wording.Title(r))).Append("](").Append(LinkTarget(r.Link)).Append(')')
                          .Append(string.IsNullOrWhiteSpace(r.Published) ? "" : ", " + Esc(r.Published))
                          .Append(CultureInfo.InvariantCulture, $" [{r.Citation}]\n");
                    }
                }
            }

            sb.Append(doc.Events.Count == 0 ? "No events in this scope and period.\n\n" : "\n");
        }

        if (doc.Has(BriefingSections.KeyStatements))
        {
            sb.Append("## Key statements\n\n");
            foreach (var s in doc.Statements)
            {
                // Reported speech is the writer's paraphrase: a plain paragraph, not a quotation block.
                var shown = StatementWording.Display(s.Text, s.Direct);
                sb.Append(shown.Quoted ? "> " : "").Append(Esc(shown.ToString())).Append(shown.Quoted ? "\n>\n> — " : " — ").Append(Esc(Wording.Speaker(s)));
                sb.Append(s.Date is null ? "" : ", " + s.Date).Append(CultureInfo.InvariantCulture, $" [{s.Citation}]\n\n");
            }

            if (doc.Statements.Count == 0)
            {
                sb.Append("No statements in this scope and period.\n\n");
            }
        }

        if (doc.Has(BriefingSections.RelationshipCharts))
        {
            sb.Append("## Relationships\n\n");
            if (doc.Charts.Count == 0)
            {
                sb.Append("No dyads were chosen for this briefing.\n\n");
            }

            foreach (var c in doc.Charts)
            {
                sb.Append("### ").Append(c.Dyad.A).Append(" – ").Append(c.Dyad.B).Append("\n\n");
                sb.Append("| Week | Events | Verbal coop. | Material coop. | Neutral | Verbal conflict | Material conflict | Mean Goldstein |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
                foreach (var w in c.Weeks)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| {w.WeekStart} | {w.Events} | {w.VerbalCooperation} | {w.MaterialCooperation} | {w.Neutral} | {w.VerbalConflict} | {w.MaterialConflict} | {Wording.Goldstein(w.MeanGoldstein)} |\n");
                }

                sb.Append('\n');
            }
        }

        if (doc.Has(BriefingSections.ActorProfiles) && doc.Actors.Count > 0)
        {
            sb.Append("## Actor profiles\n\n| Actor | Kind | Country | Title / role | Aliases | Events here | Statements here | Mentions |\n|---|---|---|---|---|---:|---:|---:|\n");
            foreach (var a in doc.Actors)
            {
                var titleRole = string.Join(", ", new[] { a.Title, a.Role }.Where(x => !string.IsNullOrWhiteSpace(x)));
                sb.Append(CultureInfo.InvariantCulture, $"| {Esc(a.Name)} | {Esc(ActorWording.Kind(a.Kind))} | {Esc(a.Country)} | {Esc(titleRole)} | {Esc(string.Join(", ", a.Aliases))} | {a.BriefingEvents} | {a.BriefingStatements} | {a.Mentions} |\n");
            }

            sb.Append('\n');
        }

        if (doc.Has(BriefingSections.Sources) && doc.Sources.Count > 0)
        {
            sb.Append("## Sources\n\n| Outlet | Articles | Events | Statements |\n|---|---:|---:|---:|\n");
            foreach (var s in doc.Sources)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {Esc(s.Name)} | {s.Articles} | {s.Events} | {s.Statements} |\n");
            }

            sb.Append('\n');
        }

        if (doc.Citations.Count > 0)
        {
            sb.Append("## References\n\n");
            foreach (var c in doc.Citations)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{c.Number}. {Esc(Wording.Reference(c))}");
                sb.Append(string.IsNullOrWhiteSpace(c.Url) ? "" : $" <{c.Url.Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)}>").Append('\n');
            }
        }

        sb.Append("\n**").Append(Esc(doc.HandlingMarking)).Append("**\n");
        return sb.ToString();
    }

    /// <summary>A link target that cannot close the link early: the composer builds it from numbers and the configured base, but spaces and brackets are encoded all the same.</summary>
    private static string LinkTarget(string link) =>
        link.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);

    /// <summary>Escapes the characters that would turn extracted text into Markdown syntax or HTML.</summary>
    internal static string Esc(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        var sb = new StringBuilder(s.Length + 8);
        foreach (var ch in s)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(ch is '\r' or '\n' ? ' ' : ch);
        }

        return sb.ToString();
    }
}
