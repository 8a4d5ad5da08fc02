using IraqCoalition.Core.Events;

namespace IraqCoalition.Core.Tests.Events;

public sealed class CameoCodebookTests
{
    private static readonly CameoCodebook Book = CameoCodebook.Default;

    [Fact]
    public void Every_root_from_01_to_20_is_present_with_its_quad_class()
    {
        for (var r = 1; r <= 20; r++)
        {
            var root = r.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Book.Contains(root), root);
            var expected = r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
            Assert.Equal(expected, Book[root].QuadClass);
            Assert.All(Book.Codes.Where(c => c.Root == root), c => Assert.Equal(expected, c.QuadClass));
        }
    }

    [Theory]
    [InlineData("010", "01", 0.0, "Make statement, not specified below")]
    [InlineData("051", "05", 3.4, "Praise or endorse")]
    [InlineData("057", "05", 8.0, "Sign formal agreement")]
    [InlineData("0332", "03", 5.2, "Express intent to provide military aid")]
    [InlineData("10", "10", -5.0, "Demand")]
    [InlineData("1056", "10", -5.0, "Demand de-escalation of military engagement")]
    [InlineData("106", "10", -5.0, "Demand withdrawal")]
    [InlineData("1312", "13", -5.8, "Threaten to boycott, embargo, or sanction")]
    [InlineData("163", "16", -8.0, "Impose embargo, boycott, or sanctions")]
    [InlineData("186", "18", -10.0, "Assassinate")]
    [InlineData("195", "19", -10.0, "Employ aerial weapons")]
    [InlineData("044", "04", 2.5, "Meet at a third location")]
    public void Codes_carry_label_root_and_goldstein(string code, string root, double goldstein, string label)
    {
        var c = Book[code];
        Assert.Equal(root, c.Root);
        Assert.Equal(goldstein, c.Goldstein);
        Assert.Equal(label, c.Label);
    }

    [Fact]
    public void Codes_are_strings_so_010_and_10_differ()
    {
        Assert.NotEqual(Book["010"].Root, Book["10"].Root);
        Assert.Equal(1, Book["010"].QuadClass);
        Assert.Equal(3, Book["10"].QuadClass);
        Assert.All(Book.Codes, c => Assert.StartsWith(c.Root, c.Code, StringComparison.Ordinal));
        Assert.True(Book.Count > 300);
    }

    [Fact]
    public void The_data_file_in_data_cameo_is_the_embedded_one()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "data", "cameo", "cameo-codebook.tsv")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        using var reader = File.OpenText(Path.Combine(dir.FullName, "data", "cameo", "cameo-codebook.tsv"));
        var fromFile = CameoCodebook.Load(reader);
        Assert.Equal(Book.Codes, fromFile.Codes);
    }

    [Theory]
    [InlineData("code\troot\tquad_class\tgoldstein\tlabel\n051\t05\t3\t3.4\tPraise\n")]
    [InlineData("051\t06\t2\t3.4\tPraise\n")]
    [InlineData("051\t05\t1\tmuch\tPraise\n")]
    public void Malformed_lines_are_rejected(string text)
    {
        Assert.ThrowsAny<FormatException>(() => CameoCodebook.Load(new StringReader(text)));
    }

    [Fact]
    public void Trigger_rules_use_codebook_codes_and_inflect_their_stems()
    {
        var lexicon = TriggerLexicon.Default;
        Assert.NotEmpty(lexicon.Rules);
        Assert.All(lexicon.Rules, r => Assert.True(Book.Contains(r.Code), r.Pattern));
        Assert.Contains(lexicon.StartingWith("praised"), r => r.Code == "051");
        Assert.Contains(lexicon.StartingWith("criticized"), r => r.Code == "111");
        Assert.Contains("condemned", TriggerLexicon.Inflect("condemn"));
        Assert.Contains("urging", TriggerLexicon.Inflect("urge"));
        Assert.Contains("slammed", TriggerLexicon.Inflect("slam"));
        Assert.Throws<FormatException>(() => TriggerLexicon.Load(new StringReader("999\tpraise+\t\n"), new StringReader(""), Book));
    }
}
