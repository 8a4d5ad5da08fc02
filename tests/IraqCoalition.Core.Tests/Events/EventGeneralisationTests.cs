using IraqCoalition.Core.Tests.Pipeline;

namespace IraqCoalition.Core.Tests.Events;

// Rule families added to read unseen newswire: verbal conflicts kept apart, denials of a role, warnings of
// consequences, supplies cut or withheld, aid in kind, waivers, protest by its acts, visits by proxy.
public sealed class EventGeneralisationTests
{
    [Fact]
    public void Rejecting_and_threatening_in_one_sentence_are_two_acts()
    {
        var r = Read.Of("Hezbollah rejected the proposal and threatened to attack Israel.");
        Assert.Contains(r.Events, e => e.Code.Root == "12" && e.Source?.Name == "Hezbollah");
        Assert.Contains(r.Events, e => e.Code.Root == "13" && e.Source?.Name == "Hezbollah");
    }

    [Fact]
    public void Blaming_and_warning_in_one_sentence_are_two_acts()
    {
        var r = Read.Of("Mike Pompeo blamed Iran for the attack and warned that Washington would hold Tehran responsible.");
        Assert.Contains(r.Events, e => e.Code.Root == "11");
        Assert.Equal("Mike Pompeo", r.Event("130").Source!.Name);
    }

    [Fact]
    public void Denying_any_role_is_a_denial_of_responsibility()
    {
        var e = Read.Of("The Houthis denied any role in the bombing on Tuesday.").Event("016");
        Assert.Equal("Houthis", e.Source!.Name);
    }

    [Fact]
    public void Warning_a_country_of_consequences_is_a_threat()
    {
        var e = Read.Of("France warned Turkey on Monday of severe consequences.").Event("130");
        Assert.Equal("France", e.Source!.Name);
        Assert.Equal("Turkey", e.Target!.Name);
    }

    [Fact]
    public void Warning_that_supplies_could_be_halted_is_a_threat()
    {
        var r = Read.Of("Russia warned that deliveries could be halted unless Ukraine paid.");
        Assert.Equal("13", Assert.Single(r.Events).Code.Root);
    }

    [Fact]
    public void Cutting_supplies_to_a_country_is_an_embargo()
    {
        var e = Read.Of("Russia has cut natural gas supplies to Ukraine over a pricing dispute.").Event("163");
        Assert.Equal("Russia", e.Source!.Name);
        Assert.Equal("Ukraine", e.Target!.Name);
    }

    [Fact]
    public void Providing_vaccine_doses_is_humanitarian_aid()
    {
        var e = Read.Of("China will provide Iraq with 200,000 doses of vaccine, the ministry said.").Event("071");
        Assert.Equal("China", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void Renewing_a_sanctions_waiver_eases_sanctions()
    {
        var e = Read.Of("The United States renewed a waiver allowing Iraq to buy electricity from Iran.").Event("085");
        Assert.Equal("United States", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void Sending_a_minister_to_a_capital_is_a_visit()
    {
        var e = Read.Of("Turkey sent its foreign minister to Iraq on Friday for talks.").Event("042");
        Assert.Equal("Turkey", e.Source!.Name);
        Assert.Equal("IRQ", e.Target!.Country);
    }

    [Fact]
    public void Agreeing_to_end_a_mission_is_a_joint_intent_and_sets_up_the_two_leaders()
    {
        var r = Read.Of("Vladimir Putin and Recep Tayyip Erdogan agreed on Tuesday to end the joint patrols. The two leaders met in Sochi.");
        var agree = r.Event("030");
        Assert.Equal("Vladimir Putin", agree.Source!.Name);
        Assert.Equal("Recep Tayyip Erdogan", agree.Target!.Name);
        Assert.Contains(r.Events, e => e.Code.Root == "04" && e.Source?.Name == "Vladimir Putin");
    }

    [Fact]
    public void Welcoming_a_visit_endorses_it_rather_than_hosting_it()
    {
        var r = Read.Of("Emmanuel Macron visited Lebanon on Monday. Michel Aoun welcomed the visit.");
        var e = r.Event("051");
        Assert.Equal("Michel Aoun", e.Source!.Name);
        Assert.DoesNotContain(r.Events, x => x.Code.Code == "043");
    }

    [Fact]
    public void Rockets_slamming_into_a_compound_are_not_criticism()
    {
        var r = Read.Of("Rockets targeting the U.S. Embassy slammed into the Green Zone on Sunday.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "11");
    }

    [Fact]
    public void Condemning_an_attack_does_not_make_the_condemner_the_attacker()
    {
        var r = Read.Of("Rockets hit a base near Erbil. Prime Minister Mustafa al-Kadhimi condemned the attack.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "19");
        Assert.Equal("Mustafa al-Kadhimi", r.Event("111").Source!.Name);
    }

    [Fact]
    public void Blocking_roads_is_protest_by_obstruction()
    {
        var e = Read.Of("Iraqi protesters blocked roads in Nasiriyah on Friday.").Event("144");
        Assert.Contains("protesters", e.Source!.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Calling_an_act_piracy_in_a_statement_is_criticism()
    {
        var r = Read.Of("Javad Zarif said the seizure of the ship by Britain was piracy.");
        Assert.Contains(r.Events, e => e.Code.Root == "11" && e.Source?.Name == "Javad Zarif");
    }
}

public sealed class EventConstructionTests
{
    [Fact]
    public void An_envoy_summoned_to_a_ministry_is_summoned_by_it()
    {
        var e = Read.Of("Russia's ambassador in Paris was summoned to the French Foreign Ministry on Tuesday.").Event("114");
        Assert.Equal("FRA", e.Source!.Country);
        // The ambassador is an actor of his own (an office holder), Russia's.
        Assert.Equal("RUS", e.Target!.Country);
    }

    [Fact]
    public void A_participle_after_the_main_clause_shares_its_subject()
    {
        var r = Read.Of("Emmanuel Macron arrived in Lebanon on Thursday, pledging to help the country rebuild.");
        var e = r.Event("030");
        Assert.Equal("Emmanuel Macron", e.Source!.Name);
        Assert.Equal("Lebanon", e.Target!.Name);
    }

    [Fact]
    public void A_force_participle_is_not_a_second_event()
    {
        var r = Read.Of("Turkey shelled Syrian positions on Monday, killing two soldiers.");
        Assert.Single(r.Events, e => e.Code.QuadClass == 4);
    }

    [Fact]
    public void Cutting_troops_is_military_de_escalation()
    {
        var e = Read.Of("The United States will cut its troop presence in Afghanistan this year.").Event("087");
        Assert.Equal("United States", e.Source!.Name);
    }

    [Fact]
    public void The_terms_of_a_sources_anonymity_are_no_request()
    {
        var r = Read.Of("Iraq received the payment, according to an Iraqi official who asked not to be named.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "10");
    }

    [Fact]
    public void Rockets_hitting_an_embassy_are_an_attack_by_an_unknown_side()
    {
        var e = Read.Of("Three rockets hit the U.S. Embassy in Baghdad on Sunday.").Event("195");
        Assert.Null(e.Source);
        Assert.Equal("U.S. Embassy", e.Target!.Name);
    }

    [Fact]
    public void An_actor_aimed_at_by_the_weapon_is_the_target_not_the_source()
    {
        var e = Read.Of("A volley of rockets aimed at the U.S. Embassy slammed into the Green Zone.").Event("195");
        Assert.Null(e.Source);
        Assert.Equal("U.S. Embassy", e.Target!.Name);
    }

    [Fact]
    public void Hit_without_a_weapon_is_no_force()
    {
        Assert.DoesNotContain(Read.Of("The pandemic hit Iraq hard, and the drought hit Syria.").Events, e => e.Code.Root is "18" or "19" or "20");
    }

    [Fact]
    public void Officials_where_a_ministry_was_named_speak_for_it()
    {
        var e = Read.Of("Russia's ambassador was summoned to the French Foreign Ministry, where officials demanded the release of the journalists.").Event("1053");
        Assert.Equal("FRA", e.Source!.Country);
    }

    [Fact]
    public void Pledging_to_deepen_cooperation_is_intent_to_cooperate()
    {
        var e = Read.Of("Egypt and Russia met in Sochi. Egypt pledged to deepen cooperation with Russia on energy.").Event("0331");
        Assert.Equal("Egypt", e.Source!.Name);
        Assert.Equal("Russia", e.Target!.Name);
    }

    [Fact]
    public void A_statement_laying_a_hostile_act_at_someones_door_is_an_accusation()
    {
        var r = Read.Of("\"The Houthis are targeting civilian airports,\" said Saudi Foreign Minister Prince Faisal bin Farhan.");
        Assert.Contains(r.Events, e => e.Code.Code == "112" && e.Target?.Name == "Houthis");
    }
}

public sealed class EventLexiconBreadthTests
{
    [Fact]
    public void Recalling_an_ambassador_downgrades_relations()
    {
        var e = Read.Of("Saudi Arabia recalled its ambassador from Lebanon on Tuesday.").Event("161");
        Assert.Equal("Saudi Arabia", e.Source!.Name);
        Assert.Equal("Lebanon", e.Target!.Name);
    }

    [Fact]
    public void Expelling_an_ambassador_targets_the_country_of_the_adjective()
    {
        var e = Read.Of("Iran has denied any plot. Kuwait expelled the Iranian ambassador on Monday.").Event("166");
        Assert.Equal("IRN", e.Target!.Country);
    }

    [Fact]
    public void Pledging_a_sum_is_intent_to_give_aid()
    {
        var e = Read.Of("Japan pledged $100 million in aid to Iraq.").Event("033");
        Assert.Equal("Japan", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void Suspending_arms_sales_is_an_embargo()
    {
        var e = Read.Of("Germany suspended arms sales to Turkey after the incursion.").Event("163");
        Assert.Equal("Turkey", e.Target!.Name);
    }

    [Fact]
    public void An_attack_carried_out_by_a_group_has_it_as_source_and_the_attributing_office_is_no_target()
    {
        var e = Read.Of("The attack on the base was carried out by Kataib Hezbollah, the Pentagon said.").Event("190");
        Assert.Equal("Kataib Hezbollah", e.Source!.Name);
        Assert.NotEqual("Pentagon", e.Target?.Name);
    }

    [Fact]
    public void An_arrest_of_unnamed_suspects_answers_nobody()
    {
        var r = Read.Of("Qatar mediated between the United States and the Taliban. Iraqi forces arrested five suspects on Friday.");
        Assert.Null(r.Event("173").Target);
    }

    [Fact]
    public void A_passive_whose_subject_names_an_act_targets_its_actor()
    {
        var e = Read.Of("Iran's seizure of the tanker was condemned by Britain on Saturday.").Event("111");
        Assert.Equal("Britain", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Summoning_an_envoy_by_nationality_targets_that_country()
    {
        var r = Read.Of("Turkey struck northern Iraq. Iraq summoned the Turkish ambassador to protest the airstrikes.");
        Assert.Equal("TUR", r.Event("114").Target!.Country);
    }

    [Fact]
    public void Vowing_revenge_threatens_force()
    {
        Assert.Equal("Iran", Read.Of("Iran vowed revenge on Sunday.").Event("138").Source!.Name);
    }

    [Fact]
    public void Warning_a_country_against_an_act_is_a_threat()
    {
        var e = Read.Of("Russia warned Turkey against any offensive in Syria.").Event("130");
        Assert.Equal("Turkey", e.Target!.Name);
    }

    [Fact]
    public void Killed_in_a_foreign_airstrike_makes_the_dead_the_target()
    {
        var e = Read.Of("Three Kataib Hezbollah fighters were killed in a U.S. airstrike near the Syrian border.").Event("195");
        Assert.Equal("United States", e.Source!.Name);
        Assert.Equal("Kataib Hezbollah", e.Target!.Name);
    }

    [Fact]
    public void A_national_adjective_on_a_strike_noun_is_its_source()
    {
        var r = Read.Of("Turkey denied the report. A Turkish drone strike killed two PKK commanders in Sinjar on Tuesday.");
        Assert.Equal("Turkey", r.Event("195").Source!.Name);
    }

    [Fact]
    public void Exchanging_prisoners_is_a_joint_release()
    {
        var e = Read.Of("Iran and the United States exchanged prisoners on Saturday.").Event("084");
        Assert.Equal("Iran", e.Source!.Name);
        Assert.Equal("United States", e.Target!.Name);
    }

    [Fact]
    public void Resuming_ties_is_diplomatic_cooperation()
    {
        var e = Read.Of("Saudi Arabia and Iran resumed diplomatic ties in March.").Event("050");
        Assert.Equal("Saudi Arabia", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Launching_an_offensive_and_selling_weapons_are_coded()
    {
        Assert.Equal("190", Read.Of("The Iraqi army launched an offensive against the Islamic State group.").Events.Single().Code.Code);
        Assert.Equal("Turkey", Read.Of("Russia sold air defense systems to Turkey.").Event("072").Target!.Name);
    }

    [Fact]
    public void A_weapon_word_in_a_figurative_hit_is_no_attack()
    {
        var r = Read.Of("The U.S. missile deal with Turkey hit a snag last week.");
        Assert.DoesNotContain(r.Events, e => e.Code.QuadClass == 4);
    }

    [Fact]
    public void Sending_troops_is_a_force_increase()
    {
        Assert.Equal("United States", Read.Of("The United States will send 3,000 more troops to Iraq.").Event("154").Source!.Name);
    }

    [Fact]
    public void A_passive_on_someones_act_targets_the_actor_not_the_place_acted_on()
    {
        var e = Read.Of("Israel's bombing of Gaza was criticized by Turkey.").Event("111");
        Assert.Equal("Turkey", e.Source!.Name);
        Assert.Equal("Israel", e.Target!.Name);
    }

    [Fact]
    public void Carrying_out_strikes_is_force_by_the_subject()
    {
        var e = Read.Of("The United States carried out strikes on Houthi targets in Yemen.").Event("190");
        Assert.Equal("United States", e.Source!.Name);
    }

    [Fact]
    public void Denying_the_accusations_answers_the_accuser()
    {
        var r = Read.Of("Israel accused Iran of the attack. Iran denied the accusations on Sunday.");
        var e = r.Event("016");
        Assert.Equal("Iran", e.Source!.Name);
        Assert.Equal("Israel", e.Target!.Name);
    }

    [Fact]
    public void Threatening_to_cut_supplies_is_a_threat_of_embargo()
    {
        var e = Read.Of("Russia threatened to cut gas supplies to Ukraine.").Event("1312");
        Assert.Equal("Russia", e.Source!.Name);
    }

    [Fact]
    public void Punishment_on_a_condition_is_a_threat()
    {
        var e = Read.Of("The United States would impose sanctions on Turkey if it bought Russian jets.").Event("1312");
        Assert.Equal("United States", e.Source!.Name);
        Assert.Equal("Turkey", e.Target!.Name);
    }

    [Fact]
    public void Hosting_someones_minister_targets_that_country()
    {
        var e = Read.Of("Saudi Arabia hosted Iraq's prime minister in Riyadh.").Event("043");
        Assert.Equal("IRQ", e.Target!.Country);
    }

    [Fact]
    public void Agreeing_to_a_ceasefire_is_a_truce_between_the_two_sides()
    {
        var e = Read.Of("Israel and Hamas agreed to a ceasefire on Friday.").Event("0871");
        Assert.Equal("Israel", e.Source!.Name);
        Assert.Equal("Hamas", e.Target!.Name);
    }

    [Fact]
    public void Firing_tear_gas_at_protesters_is_violent_repression()
    {
        Assert.Equal("175", Read.Of("Iraqi security forces fired tear gas at protesters in Baghdad.").Events.Single().Code.Code);
    }

    [Fact]
    public void Condemning_an_attack_on_someone_does_not_target_the_victim()
    {
        var r = Read.Of("Iran accused Israel of sabotage. Rockets hit the U.S. Embassy in Baghdad on Sunday. Mustafa al-Kadhimi condemned the attack on the U.S. Embassy.");
        var e = r.Event("111");
        Assert.Equal("Mustafa al-Kadhimi", e.Source!.Name);
        Assert.Null(e.Target);
    }

    [Fact]
    public void Condemning_a_national_offensive_targets_that_nation()
    {
        var r = Read.Of("Turkey denied the report. Syria condemned the Turkish offensive against Kurdish fighters.");
        Assert.Equal("Turkey", r.Event("111").Target!.Name);
    }

    [Fact]
    public void What_an_accusation_alleges_is_not_a_second_event()
    {
        var r = Read.Of("The United States accused Iran of orchestrating attacks on shipping in the Gulf.");
        var e = Assert.Single(r.Events);
        Assert.Equal("112", e.Code.Code);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Blaming_for_a_strike_and_warning_are_still_two_acts()
    {
        var r = Read.Of("Mike Pompeo blamed Iran for the strike and warned that Washington would retaliate.");
        Assert.Contains(r.Events, e => e.Code.Root == "13");
    }

    [Fact]
    public void Ruling_out_talks_rejects_a_proposal_to_meet()
    {
        var e = Read.Of("Ali Khamenei ruled out negotiations with the United States.").Event("125");
        Assert.Equal("United States", e.Target!.Name);
    }

    [Fact]
    public void A_passive_on_an_object_named_by_nationality_targets_that_nation()
    {
        var r = Read.Of("Iran protested on Friday. An Iranian tanker was seized by British forces off Gibraltar.");
        var e = r.Event("171");
        Assert.Equal("GBR", e.Source!.Country);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void An_agent_inside_the_pattern_makes_a_passive()
    {
        var e = Read.Of("Jordan has been asked by Iraq to increase electricity exports.").Event("100");
        Assert.Equal("Iraq", e.Source!.Name);
        Assert.Equal("Jordan", e.Target!.Name);
    }
}

