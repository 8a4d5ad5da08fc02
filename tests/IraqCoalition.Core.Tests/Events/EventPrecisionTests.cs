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

    [Fact]
    public void An_agreement_signed_by_two_sides_in_the_passive_is_coded()
    {
        var e = Read.Of("The security agreement was signed by Iraq and Jordan on Monday.").Event("057");
        Assert.Equal("Iraq", e.Source!.Name);
        Assert.Equal("Jordan", e.Target!.Name);
    }

    [Fact]
    public void Sanctions_imposed_on_a_country_by_another_are_coded()
    {
        var e = Read.Of("New sanctions were imposed on Venezuela by the United States on Monday.").Event("163");
        Assert.Equal("United States", e.Source!.Name);
        Assert.Equal("Venezuela", e.Target!.Name);
    }

    [Fact]
    public void Sanctions_imposed_with_no_agent_are_not_coded()
    {
        var r = Read.Of("Sanctions were imposed on Venezuela on Monday.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "16");
    }

    [Fact]
    public void Drawing_criticism_from_a_side_is_that_side_criticising()
    {
        var e = Read.Of("Turkey's decision drew sharp criticism from the European Union.").Event("111");
        Assert.Equal("European Union", e.Source!.Name);
        Assert.Equal("Turkey", e.Target!.Name);
    }

    [Fact]
    public void An_unknown_body_named_by_a_country_adjective_is_that_country_seizing()
    {
        var r = Read.Of("Iran seized a tanker on Friday, and Britain protested. The seizure came two weeks after British Royal Marines helped authorities in Gibraltar detain an Iranian tanker on suspicion of carrying oil to Syria.");
        Assert.Contains(r.Events, x => x.Code.Code == "173" && x.Source?.Name == "Britain");
    }

    [Fact]
    public void The_reason_given_for_sanctions_is_not_a_second_event()
    {
        var r = Read.Of("The European Union on Monday imposed sanctions on Belarus, accusing it of rigging the election.");
        Assert.Contains(r.Events, e => e.Code.Root == "16" && e.Source?.Name == "European Union");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "11" || e.Code.Root == "12");
    }

    [Fact]
    public void A_quoted_remark_right_after_the_speakers_own_act_restates_it()
    {
        var r = Read.Of("Foreign Secretary Dominic Raab condemned Russia over the poisoning. "
            + "\"Russia's behaviour is a threat to European security,\" Raab wrote on Twitter.");
        Assert.Contains(r.Events, e => e.Code.Root == "11" && e.Source?.Name == "Dominic Raab");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "01");
    }

    [Fact]
    public void Saying_a_country_would_help_another_is_an_intent_to_cooperate()
    {
        var e = Read.Of("Canada will help Jordan rebuild its water network, the minister said.").Event("030");
        Assert.Equal("Canada", e.Source!.Name);
        Assert.Equal("Jordan", e.Target!.Name);
    }

    [Fact]
    public void Helping_with_no_modal_is_not_an_intent()
    {
        var r = Read.Of("Canada helped Jordan rebuild its water network last year.");
        Assert.DoesNotContain(r.Events, e => e.Code.Code == "030");
    }
}
