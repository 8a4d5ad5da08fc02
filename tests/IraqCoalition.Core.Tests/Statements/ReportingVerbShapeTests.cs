using IraqCoalition.Core.Tests.Pipeline;

namespace IraqCoalition.Core.Tests.Statements;

public sealed class ReportingVerbShapeTests
{
    [Fact]
    public void Conjoined_speech_verb_shares_the_subject()
    {
        var r = Read.Of("Defense Secretary Mark Esper criticized the militias and warned that the United States would respond to any attack.");
        var s = r.Single();
        Assert.Equal("Mark Esper", s.Speaker!.Name);
        Assert.Equal("the United States would respond to any attack", s.Text);
    }

    [Fact]
    public void Second_speech_verb_after_but_starts_its_own_statement()
    {
        var r = Read.Of("Mike Pompeo said the talks had gone well, but insisted that sanctions on Iran would stay.");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.Equal("Mike Pompeo", s.Speaker!.Name));
        Assert.Equal("the talks had gone well", r.Statements[0].Text);
        Assert.Equal("sanctions on Iran would stay", r.Statements[1].Text);
    }

    [Fact]
    public void Warned_listener_of_something_is_no_statement()
    {
        var r = Read.Of("Russia warned Turkey on Monday of grave consequences after the shelling.");
        Assert.Empty(r.Statements);
    }

    [Fact]
    public void Warned_listener_that_gives_the_clause_only()
    {
        var r = Read.Of("Russia warned Turkey that any new offensive would be answered.");
        var s = r.Single();
        Assert.Equal("any new offensive would be answered", s.Text);
        Assert.Equal("Turkey", s.Addressee?.Name);
    }

    [Fact]
    public void Warned_name_with_its_own_verb_is_the_reported_subject()
    {
        var r = Read.Of("Mike Pompeo warned Iran would pay a heavy price.");
        Assert.Equal("Iran would pay a heavy price", r.Single().Text);
    }

    [Theory]
    [InlineData("Iran denied any involvement in the blast.")]
    [InlineData("Iran confirmed the meeting on Sunday.")]
    public void Speech_verb_with_a_plain_object_is_no_statement(string sentence)
    {
        Assert.Empty(Read.Of(sentence).Statements);
    }

    [Fact]
    public void Denied_with_a_clause_is_a_statement()
    {
        var r = Read.Of("Iran denied it had sent weapons to the rebels.");
        Assert.Equal("it had sent weapons to the rebels", r.Single().Text);
    }

    [Fact]
    public void Trailing_attribution_with_a_time_and_a_participle_clause()
    {
        var r = Read.Of("Turkey has shut the main border crossing, Iraqi officials said on Monday, leaving hundreds of trucks stranded.");
        var s = r.Single();
        Assert.Equal("Turkey has shut the main border crossing", s.Text);
        Assert.Equal("Iraqi officials", s.Speaker!.Name);
    }

    [Fact]
    public void He_after_an_attribution_with_a_companion_is_still_the_speaker()
    {
        var r = Read.Of("\u201CWe are ready,\u201D Mike Pompeo said at a news conference with Adel Abdul-Mahdi. He said Washington would send more advisers.");
        Assert.Equal(2, r.Statements.Count);
        Assert.Equal("Mike Pompeo", r.Statements[1].Speaker!.Name);
    }

    [Fact]
    public void The_two_governments_are_the_two_states_last_named()
    {
        var r = Read.Of("Iraq and Jordan signed a pipeline deal. In a joint statement, the two governments said the pipeline would open next year.");
        var s = r.Statements.Single(x => x.Text.StartsWith("the pipeline", StringComparison.Ordinal));
        Assert.Contains(s.Speaker!.Name, new[] { "Iraq", "Jordan" });
    }

    [Fact]
    public void Plural_present_say_is_a_cue()
    {
        var r = Read.Of("U.S. officials say the rockets were fired from a farm south of Baghdad.");
        Assert.Equal("the rockets were fired from a farm south of Baghdad", r.Single().Text);
    }

    [Fact]
    public void Say_after_to_is_no_cue()
    {
        var r = Read.Of("Mike Pompeo declined to say whether the embassy would close.");
        Assert.Empty(r.Statements);
    }

    [Fact]
    public void Question_quote_then_asked()
    {
        var r = Read.Of("\u201CWho will pay for the damage?\u201D Mike Pompeo asked.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Mike Pompeo", s.Speaker!.Name);
        Assert.Equal("Who will pay for the damage?", s.Text);
    }

    [Fact]
    public void Asked_not_to_be_named_is_no_cue()
    {
        var r = Read.Of("A senior Iraqi official, who asked not to be named because he was not allowed to brief reporters, said the talks had stalled.");
        Assert.Equal("the talks had stalled", r.Single().Text);
    }

    [Fact]
    public void Quoted_as_saying()
    {
        var r = Read.Of("Ali Khamenei was quoted as saying that foreign forces would be driven out.");
        var s = r.Single();
        Assert.Equal("Ali Khamenei", s.Speaker!.Name);
        Assert.Equal("foreign forces would be driven out", s.Text);
    }

    [Fact]
    public void Said_in_remarks_broadcast_by_television_that()
    {
        var r = Read.Of("Mike Pompeo said in remarks broadcast by state television that the consulate would reopen.");
        Assert.Equal("the consulate would reopen", r.Single().Text);
    }

    [Fact]
    public void Quote_then_according_to()
    {
        var r = Read.Of("\u201CThe strike was a flagrant violation,\u201D according to the Iraqi Foreign Ministry.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("The strike was a flagrant violation", s.Text);
    }

    [Fact]
    public void Without_giving_details_is_not_content()
    {
        var r = Read.Of("The Iraqi Foreign Ministry said the border would reopen soon, without giving details.");
        Assert.Equal("the border would reopen soon", r.Single().Text);
    }

    [Theory]
    [InlineData("Kataib Hezbollah posted a video of the launch on Telegram.")]
    [InlineData("The Iraqi government declared a curfew in Basra.")]
    [InlineData("Fuad Hussein stressed the importance of dialogue with Tehran.")]
    public void Posted_declared_stressed_with_a_plain_object_is_no_statement(string sentence)
    {
        Assert.Empty(Read.Of(sentence).Statements);
    }

    [Fact]
    public void Wrote_colon_quote_is_still_direct()
    {
        var r = Read.Of("Mike Pompeo wrote: \u201COur patience has limits.\u201D");
        Assert.Equal("Our patience has limits", r.Single().Text);
    }

    [Fact]
    public void Unnamed_spokesman_speaks_for_the_one_institution_named()
    {
        var r = Read.Of("The Iraqi ambassador was called in to the Foreign Office for an explanation, a spokesman said.");
        var s = r.Single();
        Assert.Equal("Foreign Office", s.Speaker!.Name);
        Assert.StartsWith("The Iraqi ambassador was called in", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_state_media_is_a_media_speaker()
    {
        var r = Read.Of("Three border guards were wounded in the shelling, Iranian state media reported.");
        var s = r.Single();
        Assert.Equal("Iranian state media", s.Speaker!.Name);
        Assert.Equal("media", s.Speaker.Kind);
    }

    [Fact]
    public void Statement_saying_speaks_for_its_issuer()
    {
        var r = Read.Of("Iraq issued a statement saying the border with Syria would stay closed.");
        var s = r.Single();
        Assert.Equal("Iraq", s.Speaker!.Name);
        Assert.Equal("the border with Syria would stay closed", s.Text);
    }

    [Fact]
    public void Speaking_alongside_is_not_content()
    {
        var r = Read.Of("Mike Pompeo said the embassy would stay open, speaking alongside Fuad Hussein.");
        Assert.Equal("the embassy would stay open", r.Single().Text);
    }

    [Fact]
    public void Quote_left_open_at_a_paragraph_end_continues_in_the_next()
    {
        var r = Read.Of("Hadi al-Amiri said: \u201CThe occupation must end.\n\n\u201CWe will not wait forever.\u201D");
        Assert.Equal(2, r.Statements.Count);
        Assert.All(r.Statements, s => Assert.True(s.Direct));
        Assert.All(r.Statements, s => Assert.Equal("Hadi al-Amiri", s.Speaker!.Name));
        Assert.Equal("The occupation must end", r.Statements[0].Text);
        Assert.Equal("We will not wait forever", r.Statements[1].Text);
    }

    [Fact]
    public void Negated_cue_is_no_statement()
    {
        Assert.Empty(Read.Of("Iran has not said whether it would send a delegation.").Statements);
    }

    [Fact]
    public void On_condition_of_anonymity_after_a_trailing_cue()
    {
        var r = Read.Of("The convoy was hit near Samarra, an Iraqi official said on condition of anonymity because he was not authorized to speak to the press.");
        Assert.Equal("The convoy was hit near Samarra", r.Single().Text);
    }

    [Fact]
    public void Condemned_as_quoted_label()
    {
        var r = Read.Of("Iran condemned the raid as \"an act of piracy\" in international waters.");
        var s = r.Single();
        Assert.True(s.Direct);
        Assert.Equal("Iran", s.Speaker!.Name);
        Assert.StartsWith("an act of piracy", s.Text, StringComparison.Ordinal);
        Assert.EndsWith("in international waters", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Called_object_quoted_label_stops_at_a_second_verb()
    {
        var r = Read.Of("Kataib Hezbollah called the designation \"a badge of honor\" and vowed to keep fighting.");
        var s = r.Single();
        Assert.Equal("Kataib Hezbollah", s.Speaker!.Name);
        Assert.Equal("a badge of honor", s.Text);
    }

    [Fact]
    public void Quoted_adjective_without_a_labelling_verb_is_no_statement()
    {
        Assert.Empty(Read.Of("Antonio Guterres was \"deeply disappointed\" by the vote.").Statements);
    }

    [Fact]
    public void Company_named_in_apposition_speaks()
    {
        var r = Read.Of("The tanker's Greek operator, Delta Tankers, said the crew had been evacuated.");
        var s = r.Single();
        Assert.Equal("Delta Tankers", s.Speaker!.Name);
        Assert.Equal("organization", s.Speaker.Kind);
        Assert.Equal("the crew had been evacuated", s.Text);
    }

    [Fact]
    public void Conjoined_verb_after_a_role_and_name_subject_is_the_person()
    {
        var r = Read.Of("In Baghdad, Foreign Ministry spokesman Ahmed al-Sahaf criticized the report and insisted that Iraq had acted lawfully.");
        var s = r.Single();
        Assert.Equal("Ahmed al-Sahaf", s.Speaker!.Name);
        Assert.Equal("Iraq had acted lawfully", s.Text);
    }

    [Fact]
    public void The_statement_after_a_sentence_naming_its_issuer()
    {
        var r = Read.Of("The Iraqi Foreign Ministry criticized the raid in a statement on Monday. The statement added that Baghdad would ask the United Nations to act.");
        var s = r.Single();
        Assert.Equal("Iraqi Foreign Ministry", s.Speaker!.Name);
        Assert.Equal("Baghdad would ask the United Nations to act", s.Text);
    }

    [Fact]
    public void Said_after_meeting_someone_that()
    {
        var r = Read.Of("Fuad Hussein said after meeting Mike Pompeo in Washington that the two sides had agreed on a schedule.");
        var s = r.Single();
        Assert.Equal("Fuad Hussein", s.Speaker!.Name);
        Assert.Equal("the two sides had agreed on a schedule", s.Text);
    }

    [Fact]
    public void Indefinite_source_inside_the_sentence()
    {
        var r = Read.Of("The negotiations, a senior Iraqi official said, had stalled over the timetable.");
        var s = r.Single();
        Assert.Contains("had stalled over the timetable", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void According_to_his_office_is_the_sentence_subject()
    {
        var r = Read.Of("Adel Abdul-Mahdi met Mike Pompeo in Baghdad and asked for more time, according to his office.");
        Assert.Equal("Adel Abdul-Mahdi", r.Single().Speaker!.Name);
    }

    [Fact]
    public void Conjoined_verb_after_an_inserted_phrase()
    {
        var r = Read.Of("Mike Pompeo met Fuad Hussein and, in a change of tone, warned that Washington would close the consulate.");
        var s = r.Single();
        Assert.Equal("Mike Pompeo", s.Speaker!.Name);
        Assert.Equal("Washington would close the consulate", s.Text);
    }

    [Fact]
    public void Both_leaders_are_the_two_people_last_named()
    {
        var r = Read.Of("Vladimir Putin and Recep Tayyip Erdogan exchanged letters last week. Both leaders expressed hope that the ceasefire would hold.");
        var s = r.Statements.Single(x => x.Text.Contains("ceasefire", StringComparison.Ordinal));
        Assert.Contains(s.Speaker!.Name, new[] { "Vladimir Putin", "Recep Tayyip Erdogan" });
    }

    [Fact]
    public void A_claim_rejected_after_the_content_is_the_reporters()
    {
        var r = Read.Of("Iraqi officials said three soldiers had been killed, a claim Ankara denied.");
        Assert.Equal("three soldiers had been killed", r.Single().Text);
    }

    [Fact]
    public void Called_on_someone_to_do_a_quoted_thing_is_no_label()
    {
        Assert.Empty(Read.Of("Masrour Barzani called on the government in Baghdad to take \"a clear stand\" against the attacks.").Statements);
    }

    [Fact]
    public void Dateline_with_an_agency_credit_is_not_content()
    {
        var r = Read.Of("BASRA, Iraq (AP) \u2014 Protesters stormed the provincial council building, Iraqi police said.");
        Assert.Equal("Protesters stormed the provincial council building", r.Single().Text);
    }

    [Fact]
    public void Told_him_then_a_clause_without_that()
    {
        var r = Read.Of("Mike Pompeo called Adel Abdul-Mahdi on Sunday. Pompeo told him the United States would defend its personnel.");
        var s = r.Single();
        Assert.Equal("Mike Pompeo", s.Speaker!.Name);
        Assert.Equal("the United States would defend its personnel", s.Text);
    }

    [Fact]
    public void Posted_inside_the_attribution_is_no_second_cue()
    {
        var r = Read.Of("\u201CWe are ready,\u201D said Mustafa al-Kadhimi. The Pentagon said in a statement posted on its website on Friday that two drones had been shot down.");
        Assert.Equal(2, r.Statements.Count);
        Assert.Equal("two drones had been shot down", r.Statements[1].Text);
    }

    [Theory]
    [InlineData("MOSUL, Iraq \u2014 Gunmen attacked a checkpoint overnight, Iraqi police said.", "Gunmen attacked a checkpoint overnight")]
    [InlineData("NATO leaders - meeting in Brussels - agreed to expand the mission, Iraqi officials said.", "NATO leaders - meeting in Brussels - agreed to expand the mission")]
    public void Place_dateline_is_skipped_but_a_sentence_is_not(string sentence, string expected)
    {
        Assert.Equal(expected, Read.Of(sentence).Single().Text);
    }

    [Fact]
    public void Trailing_role_then_name_then_told_reporters()
    {
        var r = Read.Of("Baghdad postponed the talks, a government spokesman, Ahmed Mulla Talal, told reporters.");
        var s = r.Single();
        Assert.Equal("Ahmed Mulla Talal", s.Speaker!.Name);
        Assert.Equal("Baghdad postponed the talks", s.Text);
    }

    [Fact]
    public void News_agency_named_before_its_medium_speaks()
    {
        var r = Read.Of("The official Nabaa news agency, citing a local governor, said two border posts had been hit.");
        var s = r.Single();
        Assert.Equal("media", s.Speaker!.Kind);
        Assert.Equal("two border posts had been hit", s.Text);
    }
}
