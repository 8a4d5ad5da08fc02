using System.Text;
using IraqCoalition.Core.Articles;

namespace IraqCoalition.Core.Tests.Articles;

public sealed class ArticleReaderTests
{
    private static ArticleReadException Refused(byte[] bytes) =>
        Assert.Throws<ArticleReadException>(() => ArticleReader.FromBytes(bytes, "input.md"));

    [Fact]
    public void Empty_input_is_refused_with_the_origin_named()
    {
        var ex = Refused([]);
        Assert.Equal("input.md: is empty", ex.Message);
    }

    [Fact]
    public void Whitespace_only_or_front_matter_only_is_refused() =>
        Assert.Contains("empty", Refused(Encoding.UTF8.GetBytes("---\ntitle: x\n---\n   \n")).Reason, StringComparison.Ordinal);

    [Fact]
    public void Binary_input_is_refused() =>
        Assert.Contains("binary", Refused([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]).Reason, StringComparison.Ordinal);

    [Fact]
    public void Non_utf8_input_is_refused_with_the_offset()
    {
        var ex = Refused(Encoding.Latin1.GetBytes("Caf\u00e9 au lait"));
        Assert.Contains("not valid UTF-8", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("offset 3", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_input_is_refused_before_decoding() =>
        Assert.Contains("over the", Assert.Throws<ArticleReadException>(() => ArticleReader.FromBytes(new byte[101], "big.md", maxBytes: 100)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Utf8_with_arabic_names_and_curly_quotes_is_kept_exactly()
    {
        var body = "Al-Ghanimi (\u0639\u062b\u0645\u0627\u0646) said \u201cyes.\u201d";
        var a = ArticleReader.FromBytes(Encoding.UTF8.GetBytes(body), "ok.md");
        Assert.Equal(body, a.Body);
    }

    [Fact]
    public void Missing_file_and_directory_are_reported()
    {
        Assert.Contains("not found", Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile("/no/such/file.md")).Reason, StringComparison.Ordinal);
        Assert.Contains("directory", Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(Path.GetTempPath())).Reason, StringComparison.Ordinal);
    }
}
