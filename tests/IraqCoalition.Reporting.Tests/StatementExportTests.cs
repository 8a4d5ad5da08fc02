using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Rendering;

namespace IraqCoalition.Reporting.Tests;

/// <summary>Statements in the briefing formats: quotes as quotations, paraphrase as plain text, inner marks balanced.</summary>
public sealed class StatementExportTests
{
    internal static readonly IReadOnlyList<BriefingStatement> Statements =
    [
        // Reported speech holding a partial quote whose closing mark fell outside the stored span.
        new() { Id = 5, Date = "2020-02-05", Speaker = "Frank McKenzie", SpeakerCountry = "USA", Text = "relations with Iraq were \u201Cin a period of turbulence", Direct = false, Citation = 1 },
        new() { Id = 6, Date = "2020-01-05", Speaker = "Adel Abdul-Mahdi", SpeakerCountry = "IRQ", Text = "We reject \u201Cany violation\u201D of our sovereignty.", Direct = true, Citation = 1 },
    ];

    [Fact]
    public void Html_quotes_direct_speech_in_a_blockquote_and_paraphrase_as_a_plain_paragraph()
    {
        var html = new BriefingHtmlRenderer().RenderHtml(HtmlRendererTests.Document(statements: Statements));

        Assert.Contains("<p class=\"paraphrase\"><span class=\"lead\">reported:</span> relations with Iraq were \u201Cin a period of turbulence\u201D</p>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>\u201CWe reject \u2018any violation\u2019 of our sovereignty.\u201D</blockquote>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u201Crelations with Iraq", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_quotes_direct_speech_and_writes_paraphrase_as_a_paragraph()
    {
        var md = BriefingMarkdownWriter.Write(HtmlRendererTests.Document(statements: Statements));

        Assert.Contains("\nreported: relations with Iraq were \u201Cin a period of turbulence\u201D — Frank McKenzie (USA), 2020-02-05 [1]\n", md, StringComparison.Ordinal);
        Assert.Contains("> \u201CWe reject \u2018any violation\u2019 of our sovereignty.\u201D\n>\n> — Adel Abdul-Mahdi (IRQ)", md, StringComparison.Ordinal);
    }
}
