using IraqCoalition.Core.Tests.Pipeline;

namespace IraqCoalition.Core.Tests.Events;

public sealed class EventRuleTests
{
    [Fact]
    public void Drone_strike_that_killed_is_aerial_force_by_the_premodifier_against_the_victim()
    {
        var e = Read.Of("The Jan. 3 U.S. drone strike that killed Iran's most powerful military commander, Gen. Qassem Soleimani, near the Baghdad airport shocked the region.").Event("195");
        Assert.Equal("United States", e.Source!.Name);
        Assert.Equal("IRN", e.Target!.Country);
        Assert.Equal(4, e.Code.QuadClass);
    }

    [Fact]
    public void Fired_missiles_at_is_aerial_force_with_a_target()
    {
        var e = Read.Of("Iran launched more than a dozen ballistic missiles early Wednesday at two military bases in Iraq that host American troops.").Event("195");
        Assert.Equal("Iran", e.Source!.Name);
        Assert.NotNull(e.Target);
    }

    [Fact]
    public void Passive_voice_takes_the_agent_as_source()
    {
        var r = Read.Of("Qassem Soleimani was killed by a U.S. drone in Baghdad.");
        var e = Assert.Single(r.Events);
        Assert.Equal("18", e.Code.Root);
        Assert.Equal("United States", e.Source!.Name);
        Assert.Equal("Qassem Soleimani", e.Target!.Name);
    }

    [Fact]
    public void An_object_that_is_no_actor_keeps_the_event_with_the_country_of_the_place()
    {
        var e = Read.Of("Iran attacked an oil depot in Iraq on Friday.").Event("190");
        Assert.Equal("Iran", e.Source!.Name);
        Assert.Equal("IRQ", e.Target!.Country);
    }

    [Fact]
    public void A_reaction_to_an_event_noun_targets_the_side_that_acted()
    {
        var r = Read.Of("Iran launched missiles at Iraq on Wednesday. Russia condemned the incursion.");
        var e = r.Event("111");
        Assert.Equal("Russia", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Dismissing_the_warning_answers_the_side_that_warned()
    {
        var r = Read.Of("The United States has warned Iran that it could face sanctions. Russia dismissed the warning on Monday.");
        var e = r.Event("120");
        Assert.Equal("Russia", e.Source!.Name);
        Assert.Equal("United States", e.Target!.Name);
    }

    [Fact]
    public void A_reaction_with_nothing_known_keeps_a_null_target()
    {
        var e = Read.Of("Russia welcomed the ruling.").Event("051");
        Assert.Equal("Russia", e.Source!.Name);
        Assert.Null(e.Target);
    }

    [Fact]
    public void Passive_with_an_event_noun_subject_targets_that_event_s_source()
    {
        var r = Read.Of("Iran launched missiles at Iraq on Wednesday. The missile attacks were condemned by Russia.");
        var e = r.Event("111");
        Assert.Equal("Russia", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Warning_of_harm_is_a_threat_not_a_statement()
    {
        var e = Read.Of("Trump warned Iran on Monday that he would \"obliterate\" its economy.").Event("138");
        Assert.Equal("Donald Trump", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Threat_as_a_noun_inside_a_quote_is_no_event()
    {
        var r = Read.Of("\"Stop exaggerating the Iran threat,\" Lavrov said.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "13");
    }

    [Fact]
    public void Statements_to_reporters_or_the_own_side_have_no_target()
    {
        var r = Read.Of("Pompeo told reporters that the talks were useful. Pompeo told the United States that the talks were useful.");
        Assert.All(r.Events.Where(e => e.Code.Root == "01"), e => Assert.Null(e.Target));
    }

    [Fact]
    public void On_the_right_track_is_optimistic()
    {
        var r = Read.Of("Zarif told Iraq that the talks were on the right track despite the crisis.");
        Assert.Equal("013", Assert.Single(r.Events).Code.Code);
    }

    [Fact]
    public void Conjoined_verb_after_an_aside_keeps_the_subject_and_finds_its_own_target()
    {
        var r = Read.Of("NATO agreed on Monday to expand its mission in Iraq and, for the first time, described Iran's ambitions as a \"systemic challenge\".");
        var e = r.Event("111");
        Assert.Equal("NATO", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
        Assert.Equal("03", r.Event("030").Code.Root);
    }

    [Fact]
    public void Passive_agent_named_by_a_country_adjective()
    {
        var r = Read.Of("Iran condemned Turkey on Monday. The town was struck by Turkish artillery.");
        var e = r.Events.Single(x => x.Code.Root == "19");
        Assert.Equal("Turkey", e.Source!.Name);
    }

    [Fact]
    public void A_visit_to_a_place_named_by_a_country_adjective_targets_that_country()
    {
        var r = Read.Of("Turkey closed the border. Mike Pompeo visited the Turkish side of the crossing on Friday.");
        var e = r.Event("042");
        Assert.Equal("Mike Pompeo", e.Source!.Name);
        Assert.Equal("Turkey", e.Target!.Name);
        Assert.DoesNotContain(Read.Of("Mike Pompeo visited the crossing on Friday.").Events, x => x.Code.Root == "04");
    }

    [Fact]
    public void Officials_of_two_nationalities_meeting_are_the_two_sides()
    {
        var r = Read.Of("Saudi Arabia and Iran are rivals. Senior Saudi and Iranian officials held talks in Baghdad on Thursday.");
        var e = r.Events.Single(x => x.Code.Root == "04");
        Assert.Equal(new[] { "IRN", "SAU" }, new[] { e.Source!.Country, e.Target!.Country }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Struck_a_tone_is_no_force_and_struck_a_deal_an_agreement()
    {
        Assert.DoesNotContain(Read.Of("Iraq struck a more conciliatory tone with Iran.").Events, e => e.Code.QuadClass == 4);
        Assert.Equal("057", Read.Of("Iraq struck a deal with Iran.").Event("057").Code.Code);
    }

    [Fact]
    public void The_kingdom_inside_a_speaker_s_words_is_the_speaker_s_state()
    {
        var e = Read.Of("Saudi Arabia and Iran held talks. Saudi Foreign Minister Prince Faisal bin Farhan said the kingdom wanted to see verifiable actions from Iran.").Event("100");
        Assert.Equal("SAU", e.Source!.Country);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Fact]
    public void Ready_to_sit_down_with_is_intent_to_meet()
    {
        var r = Read.Of("\"We are ready to sit down with Iran today,\" Lavrov said.");
        var e = r.Event("036");
        Assert.Equal("Sergey Lavrov", e.Source!.Name);
        Assert.Equal("Iran", e.Target!.Name);
    }

    [Theory]
    [InlineData("Turkey halted oil exports from Iraq on Saturday.", "163")]
    [InlineData("Turkish troops crossed into Syria on Wednesday.", "192")]
    [InlineData("Iraqi forces repelled an attempt to advance on the town.", "190")]
    [InlineData("Iran's air defenses intercepted two drones.", "190")]
    [InlineData("Iraqi forces pounded positions held by the Islamic State group.", "194")]
    [InlineData("Prime Minister Adel Abdul-Mahdi ordered the Popular Mobilization Forces to disarm.", "100")]
    [InlineData("Russia vetoed a resolution on Friday.", "129")]
    [InlineData("The United States sanctioned Iran.", "163")]
    [InlineData("Iraq hosted talks between Iran and Saudi Arabia.", "045")]
    [InlineData("Russia deployed warships to Syria.", "154")]
    [InlineData("Iran seized a British tanker in the Gulf.", "171")]
    [InlineData("Turkey shelled villages in Syria.", "194")]
    [InlineData("Russia withdrew from the talks on Syria.", "164")]
    [InlineData("Russia withdrew from Syria on Monday.", "0874")]
    [InlineData("NATO leaders agreed to expand the training mission in Iraq.", "0332")]
    public void New_trigger_families_map_to_codes(string sentence, string code)
    {
        var e = Read.Of(sentence).Event(code);
        Assert.NotNull(e.Source);
    }

    [Theory]
    [InlineData("Russia condemned the United States over the strike.", "111")]
    [InlineData("Iran accused the United States of aggression.", "112")]
    [InlineData("Al-Hakim thanked Russia for supporting Iraq in the war against the Islamic State group.", "051")]
    [InlineData("Iraq's prime minister praised Russia for its help.", "051")]
    [InlineData("Trump threatened Iraq with sanctions.", "1312")]
    [InlineData("Trump announced new economic sanctions on Iran.", "163")]
    [InlineData("Iraq's parliament passed a nonbinding resolution urging a U.S. troop withdrawal.", "106")]
    [InlineData("Shiite parties called for an overhaul of the agreement with the United States.", "104")]
    [InlineData("Washington has pressed Baghdad to limit its dealings with Moscow.", "104")]
    [InlineData("Lavrov met with Prime Minister Adel Abdul-Mahdi.", "040")]
    [InlineData("Russian Foreign Minister Sergey Lavrov arrived in Baghdad on Monday for talks.", "042")]
    [InlineData("Russian Ambassador Maksim Maksimov extended an invitation to Lt. Gen. Othman Al-Ghanimi to visit Russia.", "036")]
    [InlineData("Russia has come forward to offer military support to Iraq.", "0332")]
    [InlineData("Iraq told its military not to seek assistance from the U.S.-led coalition.", "1212")]
    [InlineData("The U.S.-led coalition paused training of Iraqi forces.", "1622")]
    [InlineData("Iraq and Russia signed a defense agreement.", "057")]
    [InlineData("Putin discussed the situation with Macron by telephone.", "041")]
    [InlineData("Lavrov offered condolences to Zarif.", "018")]
    [InlineData("Iran's Revolutionary Guard claimed responsibility for the attack.", "015")]
    public void Trigger_families_map_to_codes(string sentence, string code)
    {
        var r = Read.Of(sentence);
        var e = r.Event(code);
        Assert.NotNull(e.Source);
        Assert.Equal(sentence, r.Text[e.Evidence.Start..e.Evidence.End]);
        Assert.False(string.IsNullOrWhiteSpace(e.Summary));
    }

    [Fact]
    public void Source_and_target_come_from_the_reported_clause_and_metonyms()
    {
        var e = Read.Of("At a news conference with al-Hakim, Lavrov said Moscow was ready to help Iraq rebuild its armed forces.").Event("0332");
        Assert.Equal("Russia", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
        Assert.Equal("reported", e.Modality);
        Assert.True(e.Reported);
    }

    [Fact]
    public void Meeting_between_x_and_y_takes_both_sides_and_the_place()
    {
        var e = Read.Of("The statement followed a meeting in Baghdad between Iraqi Prime Minister Adel Abdul-Mahdi and Russian Ambassador Maksim Maksimov.").Event("040");
        Assert.Equal("Adel Abdul-Mahdi", e.Source!.Name);
        Assert.Equal("Maksim Maksimov", e.Target!.Name);
        Assert.Equal("Baghdad", e.Location);
    }

    [Fact]
    public void Negated_events_are_not_coded()
    {
        var r = Read.Of("Iran did not attack the United States. Russia never condemned Iran.");
        Assert.Empty(r.Events);
    }

    [Fact]
    public void A_refusal_to_leave_is_coded_as_refusing_to_yield()
    {
        var r = Read.Of("Defense Secretary Mark Esper spoke. \"There's been no decision whatsoever to leave Iraq,\" he said.");
        var e = r.Event("124");
        Assert.Equal("Mark Esper", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void A_warning_that_sanctions_would_follow_is_a_threat()
    {
        var e = Read.Of("President Donald Trump warned that Washington would impose heavy sanctions on Iraq.").Event("1312");
        Assert.Equal("USA", e.Source!.Country);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void Modality_is_recorded()
    {
        var e = Read.Of("Lavrov will visit Iraq.").Event("042");
        Assert.Equal("planned", e.Modality);
    }

    [Fact]
    public void A_statement_addressed_to_another_side_is_coded_as_a_statement()
    {
        var r = Read.Of("Marine Gen. Frank McKenzie acknowledged recently that relations with Iraq were \u201Cin a period of turbulence.\u201D");
        var e = Assert.Single(r.Events);
        Assert.Equal("01", e.Code.Root);
        Assert.Equal("Frank McKenzie", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void Every_event_has_evidence_and_a_summary_naming_the_source()
    {
        var r = Read.Of("Lt. Gen. Othman Al-Ghanimi praised Moscow's role in the battle against the Islamic State group.");
        var e = r.Event("051");
        Assert.Equal(r.Text, r.Text[e.Evidence.Start..e.Evidence.End]);
        Assert.StartsWith("Othman Al-Ghanimi praised Moscow", e.Summary, StringComparison.Ordinal);
        Assert.Equal("Russia", e.Target!.Name);
    }

    [Fact]
    public void A_denial_is_coded_016_and_what_it_denies_is_not_an_event()
    {
        var r = Read.Of("Iranian foreign ministry spokesman Abbas Mousavi denied that Tehran had supplied weapons to Kataib Hezbollah.");
        var e = Assert.Single(r.Events);
        Assert.Equal("016", e.Code.Code);
        Assert.Equal("Abbas Mousavi", e.Source!.Name);
    }

    [Fact]
    public void Conjoined_subjects_give_source_and_target()
    {
        var e = Read.Of("Saudi Arabia and Iraq signed an agreement to reopen the border.").Event("057");
        Assert.Equal("Saudi Arabia", e.Source!.Name);
        Assert.Equal("Iraq", e.Target!.Name);
    }

    [Fact]
    public void An_object_naming_an_earlier_event_targets_that_events_source()
    {
        var r = Read.Of("The United States imposed sanctions on three militia leaders on Friday. Iraq's Foreign Ministry condemned the sanctions as a violation of Iraqi sovereignty.");
        var e = r.Event("111");
        Assert.Equal("United States", e.Target!.Name);
    }

    [Fact]
    public void A_passive_without_agent_is_not_coded_with_the_patient_as_source()
    {
        var r = Read.Of("Trump warned of sanctions if American forces were asked to leave.");
        Assert.DoesNotContain(r.Events, e => e.Code.Root == "10");
    }

    [Fact]
    public void Numbers_with_thousands_separators_do_not_break_patterns()
    {
        var e = Read.Of("The Pentagon deployed 3,000 additional troops to Kuwait.").Event("154");
        Assert.Equal("Kuwait", e.Target!.Name);
    }

    [Fact]
    public void Conjoined_subjects_of_a_demand_both_act()
    {
        var e = Read.Of("Britain and Germany called for restraint on all sides.").Event("1056");
        Assert.Equal("Britain", e.Source!.Name);
        Assert.Null(e.Target);
    }

    [Fact]
    public void The_addressee_of_a_demand_is_its_target()
    {
        var e = Read.Of("The Iraqi government has asked NATO to keep its trainers in the country.").Event("100");
        Assert.Equal("NATO", e.Target!.Name);
        Assert.Equal("IRQ", e.Source!.Country);
    }

    [Fact]
    public void A_nominal_naming_an_event_already_coded_is_not_a_new_event()
    {
        var r = Read.Of("Iran launched ballistic missiles at two bases in Iraq that host American troops. Trump said no one was hurt in the attack by Iran.");
        Assert.Single(r.Events, e => e.Code.Root == "19");
    }
}
