using IraqCoalition.Core.Articles;

namespace IraqCoalition.Core.Tests.Articles;

public sealed class FrontMatterTests
{
    [Fact]
    public void Fields_are_read_and_the_body_starts_after_the_closing_fence()
    {
        var text = "---\ntitle: Iraq turns to Russia\nsource: \"Associated Press\"\npublished: 2020-02-05\nurl: https://example.org/a\nlanguage: en\nauthor: Someone\n---\nBody line one.\nLine two.";
        var a = FrontMatter.Parse(text);

        Assert.Equal("Iraq turns to Russia", a.Title);
        Assert.Equal("Associated Press", a.Source);
        Assert.Equal(new DateOnly(2020, 2, 5), a.Published);
        Assert.Equal("https://example.org/a", a.Url);
        Assert.Equal("Body line one.\nLine two.", a.Body);
        Assert.Equal("Someone", a.Extra["author"]);
    }

    [Fact]
    public void Without_front_matter_the_whole_text_is_the_body()
    {
        var a = FrontMatter.Parse("Just a story.\n---\nwith a rule");
        Assert.Equal("Just a story.\n---\nwith a rule", a.Body);
        Assert.Null(a.Title);
    }

    [Fact]
    public void An_unclosed_fence_is_not_front_matter()
    {
        var text = "---\ntitle: x\nno closing fence";
        var a = FrontMatter.Parse(text);
        Assert.Equal(text, a.Body);
        Assert.Null(a.Title);
    }

    [Fact]
    public void Crlf_files_and_a_byte_order_mark_are_handled()
    {
        var a = FrontMatter.Parse("\uFEFF---\r\ntitle: T\r\npublished: 2020-01-06\r\n---\r\nBody.");
        Assert.Equal("T", a.Title);
        Assert.Equal(new DateOnly(2020, 1, 6), a.Published);
        Assert.Equal("Body.", a.Body);
    }

    [Theory]
    [InlineData("2020-01-03", 2020, 1, 3)]
    [InlineData("2020-01-03T10:00:00Z", 2020, 1, 3)]
    [InlineData("January 3, 2020", 2020, 1, 3)]
    public void Published_dates_in_common_forms(string value, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), FrontMatter.ParseDate(value));

    [Fact]
    public void A_garbage_date_is_null_not_an_exception() => Assert.Null(FrontMatter.ParseDate("soon"));

    [Fact]
    public void What_the_front_matter_cannot_use_is_named_in_warnings_and_the_rest_is_read()
    {
        var a = FrontMatter.Parse("---\ntitle: Talks\npublished: last Tuesday\nthis line has no colon\n---\nBody.");

        Assert.Equal("Talks", a.Title);
        Assert.Null(a.Published);
        Assert.Equal(2, a.Warnings.Count);
        Assert.Contains(a.Warnings, w => w.Contains("'last Tuesday'", StringComparison.Ordinal) && w.Contains("yyyy-mm-dd", StringComparison.Ordinal));
        Assert.Contains(a.Warnings, w => w.Contains("'this line has no colon'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unclosed_fence_is_reported_and_good_front_matter_has_no_warnings()
    {
        Assert.Contains("no closing", Assert.Single(FrontMatter.Parse("---\ntitle: T\nBody without a fence.").Warnings), StringComparison.Ordinal);
        Assert.Empty(FrontMatter.Parse("---\ntitle: T\npublished: 2020-01-03\nurl: https://example.org/\n---\nBody.").Warnings);
    }
}
