using IraqCoalition.Core.Tests.Pipeline;

namespace IraqCoalition.Core.Tests.Events;

// Round three: acts newswire tells with verbs the lexicon lacked (closing offices, military exercises,
// questioning an act, joint bodies, plural agreements, gathering outside a mission, continued supply,
// passives of fired weapons, artillery in response).
public sealed class EventCoverageTests
{
    [Fact]
    public void Shutting_down_an_office_reduces_relations()
    {
        var e = Read.Of("Jordan on Monday shut down the office of the Turkish ambassador in Amman.").Event("160");
        Assert.Equal("Jordan", e.Source!.Name);
    }

    [Fact]
    public void Beginning_military_exercises_is_a_show_of_force()
    {
        var e = Read.Of("Turkey began large-scale military exercises near the border with Syria on Monday.").Event("150");
        Assert.Equal("Turkey", e.Source!.Name);
    }

    [Fact]
    public void Questioning_the_timing_of_an_act_is_criticism()
    {
        var r = Read.Of("Russia held naval drills on Monday. Recep Tayyip Erdogan questioned the timing of the drills.");
        Assert.Contains(r.Events, e => e.Code.Root == "11");
    }

    [Fact]
    public void Signing_several_agreements_is_diplomatic_cooperation()
    {
        var e = Read.Of("Egypt signed three agreements with Jordan on energy and trade on Sunday.").Event("057");
        Assert.Equal("Egypt", e.Source!.Name);
        Assert.Equal("Jordan", e.Target!.Name);
    }

    [Fact]
    public void Announcing_a_joint_fund_is_economic_cooperation()
    {
        var e = Read.Of("Qatar announced the creation of a joint investment fund with Egypt.").Event("061");
        Assert.Equal("Qatar", e.Source!.Name);
    }

    [Fact]
    public void Agreeing_to_speed_up_work_is_an_intent_to_cooperate()
    {
        var e = Read.Of("Egypt and Jordan agreed to speed up work on a gas pipeline.").Events;
        Assert.Contains(e, x => x.Code.Root == "03");
    }

    [Fact]
    public void Being_ready_to_keep_selling_fuel_is_an_offer()
    {
        var r = Read.Of("An Iranian diplomat said Tehran was ready to keep selling fuel to Syria.");
        Assert.Contains(r.Events, e => e.Code.Root == "03" && e.Source?.Country == "IRN");
    }

    [Fact]
    public void Gathering_outside_a_consulate_is_a_protest()
    {
        var r = Read.Of("Dozens of protesters gathered outside the Turkish consulate in Mosul on Friday.");
        Assert.Contains(r.Events, e => e.Code.Root == "14");
    }

    [Fact]
    public void Warning_that_any_move_would_be_met_is_a_threat()
    {
        var e = Read.Of("Hezbollah warned that any attack on its fighters would be considered an act of war by Israel.").Events;
        Assert.Contains(e, x => x.Code.Root == "13" && x.Source?.Name == "Hezbollah");
    }

    [Fact]
    public void Calling_a_deal_a_betrayal_is_criticism()
    {
        var r = Read.Of("Egypt and Israel signed a gas deal on Monday. Hamas called it a betrayal of the Palestinian cause.");
        Assert.Contains(r.Events, e => e.Code.Root == "11" && e.Source?.Name == "Hamas");
    }

    [Fact]
    public void An_agreement_announced_by_a_leader_codes_the_announcer()
    {
        var r = Read.Of("The agreement was announced by Vladimir Putin in Moscow on Tuesday.");
        Assert.Contains(r.Events, e => e.Code.Root == "05" && e.Source?.Name == "Vladimir Putin");
    }

    [Fact]
    public void Rockets_fired_at_forces_are_an_unclaimed_attack()
    {
        var r = Read.Of("Several rockets were fired at Turkish forces near Idlib on Sunday.");
        Assert.Contains(r.Events, e => e.Code.Root == "19" && e.Source is null);
    }

    [Fact]
    public void Responding_with_artillery_fire_is_force()
    {
        var r = Read.Of("Turkish troops responded with artillery fire at the launch sites.");
        Assert.Contains(r.Events, e => e.Code.Root == "19");
    }

    [Fact]
    public void Charging_fees_on_a_countrys_trucks_is_economic_pressure()
    {
        var e = Read.Of("Turkey began charging fees on Syrian trucks crossing the border.").Event("163");
        Assert.Equal("Turkey", e.Source!.Name);
    }

    [Fact]
    public void An_ing_form_after_a_plain_noun_describes_the_noun_not_the_subject()
    {
        var r = Read.Of("Turkey stopped Syrian buses traveling to Aleppo on Monday.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "04" && e.Source?.Name == "Turkey");
    }

    [Fact]
    public void A_convoy_carrying_goods_across_a_border_is_a_delivery_not_an_incursion()
    {
        var r = Read.Of("Turkey and Syria signed a trade deal last month. A convoy of trucks carrying Turkish wheat crossed into Syria on Friday.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "19");
        var e = r.Event("061");
        Assert.Equal("Turkey", e.Source!.Name);
        Assert.Equal("Syria", e.Target!.Name);
    }

    [Fact]
    public void The_press_told_is_not_the_one_who_met()
    {
        var r = Read.Of("Russian Foreign Minister Sergei Lavrov spoke in Moscow. \"We will not accept this,\" he told reporters after meeting his Turkish counterpart, Mevlut Cavusoglu, in Moscow.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "04" && e.Source is { } s && s.Name.Contains("reporter", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_group_calling_itself_by_a_name_acts_under_that_name()
    {
        var r = Read.Of("Israel struck Hamas positions in Gaza on Sunday. A coalition of factions calling itself the Popular Mobilization Forces threatened to take revenge.");
        Assert.Contains(r.Events, e => e.Code.Root == "13" && e.Source?.Name == "Popular Mobilization Forces");
    }

    [Fact]
    public void A_threat_of_revenge_answers_the_latest_use_of_force_by_another_side()
    {
        var r = Read.Of("Israel bombed Hezbollah positions in Lebanon on Sunday. Hezbollah threatened to take revenge.");
        var e = Assert.Single(r.Events, x => x.Code.Root == "13");
        Assert.Equal("Israel", e.Target?.Name);
    }

    [Fact]
    public void The_Gulf_state_as_subject_is_the_country_named_before()
    {
        var r = Read.Of("Qatar drew praise on Monday, a day after the Gulf state agreed to normalize relations with Egypt.");
        var e = r.Event("050");
        Assert.Equal("Qatar", e.Source!.Name);
        Assert.Equal("Egypt", e.Target!.Name);
    }

    [Fact]
    public void A_statement_describing_an_act_as_a_betrayal_is_its_authors_criticism()
    {
        var r = Read.Of("Egypt and Israel signed a gas deal on Monday. Hamas read a statement on television describing the deal as \"a betrayal of the cause.\"");
        Assert.Contains(r.Events, e => e.Code.Code == "111" && e.Source?.Name == "Hamas");
    }

    [Fact]
    public void An_act_someone_does_not_expect_is_not_coded()
    {
        var r = Read.Of("Recep Tayyip Erdogan said he did not expect the European Union to impose sanctions on Turkey.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "16");
    }

    [Fact]
    public void And_later_joins_a_verb_to_the_clause_subject()
    {
        var r = Read.Of("Emmanuel Macron was greeted at the airport by Abdel Fattah el-Sissi and later held talks with him at the palace.");
        Assert.Contains(r.Events, e => e.Code.Root == "04" && e.Source?.Name == "Emmanuel Macron" && e.Trigger.Slice(r.Text).StartsWith("held"));
    }
}
