using IraqCoalition.Core.Tests.Pipeline;

namespace IraqCoalition.Core.Tests.Events;

// Round two of the event rules: fewer spurious events (conditions, follow-up remarks, sourced facts) and
// criticism carried by the words of a known speaker.
public sealed class EventPrecisionTests
{
    [Fact]
    public void An_agreement_inside_a_condition_has_not_happened()
    {
        var r = Read.Of("Turkey would reopen the border crossing once Syria and Jordan signed an agreement.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "05");
    }

    [Fact]
    public void An_attack_after_if_is_not_coded()
    {
        var r = Read.Of("Officials in Riyadh asked whether Iran attacked the tanker.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root is "18" or "19");
    }

    [Fact]
    public void Once_as_an_adverb_still_codes_the_act()
    {
        var r = Read.Of("Israel once again attacked Hamas positions in Gaza on Sunday.");
        Assert.Contains(r.Events, e => e.Code.QuadClass == 4 && e.Source?.Name == "Israel");
    }

    [Fact]
    public void A_follow_up_remark_by_he_with_no_other_side_is_not_a_new_event()
    {
        var r = Read.Of("Egyptian Foreign Minister Sameh Shoukry met Antony Blinken in Cairo on Monday. "
            + "He added that the talks had lasted three hours.");
        Assert.DoesNotContain(r.Events, e => e.Code.Code == "010" && e.Target is null);
    }

    [Fact]
    public void According_to_an_official_names_a_source_not_an_act()
    {
        var r = Read.Of("The convoy reached the border on Monday, according to a Jordanian official.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "01");
    }

    [Fact]
    public void Calling_a_country_nothing_but_trouble_is_criticism()
    {
        var e = Read.Of("President Joe Biden told reporters that Venezuela was \"nothing but trouble.\"").Event("111");
        Assert.Equal("Venezuela", e.Target!.Name);
    }
}
