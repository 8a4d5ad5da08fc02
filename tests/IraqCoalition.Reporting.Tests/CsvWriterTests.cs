using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Rendering;

namespace IraqCoalition.Reporting.Tests;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-10.0", "-10.0")]
    [InlineData("-1e5", "'-1e5")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fields_are_quoted_per_rfc_4180_and_formulas_are_defused(string? value, string expected) =>
        Assert.Equal(expected, BriefingCsvWriter.Field(value));

    [Fact]
    public void Table_has_a_header_then_one_crlf_row_per_event_and_statement()
    {
        var csv = BriefingCsvWriter.Write(HtmlRendererTests.Document());
        var rows = csv.Split("\r\n");

        Assert.Equal(string.Join(',', BriefingCsvWriter.Header), rows[0]);
        Assert.StartsWith("event,1,2020-01-03,yes,195,Employ aerial weapons,Material conflict,-10.0,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("statement,2,2020-01-03,no,,,,,,,,,عادل عبد المهدي,direct,An aggression on Iraq,,1,Strike at airport,Reuters,2020-01-03,", rows[2], StringComparison.Ordinal);
        Assert.Equal("", rows[3]);
        Assert.Equal(4, rows.Length);
    }
}
