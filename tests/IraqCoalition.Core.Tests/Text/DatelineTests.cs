using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Text;

public class DatelineTests
{
    [Theory]
    [InlineData("BAGHDAD — Iraq's parliament voted.", "BAGHDAD —", "BAGHDAD", null)]
    [InlineData("MOSCOW (AP) — Russia condemned the strike.", "MOSCOW (AP) —", "MOSCOW", "AP")]
    [InlineData("KABUL, Afghanistan (Reuters) - Talks began.", "KABUL, Afghanistan (Reuters) -", "KABUL, Afghanistan", "Reuters")]
    [InlineData("NEW YORK -- Markets fell.", "NEW YORK --", "NEW YORK", null)]
    [InlineData("WASHINGTON, D.C. — The Pentagon said.", "WASHINGTON, D.C. —", "WASHINGTON, D.C.", null)]
    [InlineData("BAGHDAD, Jan. 5 (Reuters) — Lawmakers voted.", "BAGHDAD, Jan. 5 (Reuters) —", "BAGHDAD", "Reuters")]
    public void Finds_dateline_and_place(string body, string span, string place, string? agency)
    {
        var d = TextSegmenter.Segment(body).Dateline;
        Assert.NotNull(d);
        Assert.Equal(span, d.Span.Slice(body));
        Assert.Equal(place, d.Place.Slice(body));
        Assert.Equal(agency, d.Agency?.Slice(body));
    }

    [Theory]
    [InlineData("The Iraqi government has told its military not to seek assistance.")]
    [InlineData("NATO said on Monday — in a statement — that it paused training.")]
    [InlineData("Second paragraph only.\nBAGHDAD — too late.")]
    public void No_dateline_where_there_is_none(string body) => Assert.Null(TextSegmenter.Segment(body).Dateline);
}
