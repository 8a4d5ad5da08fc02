using IraqCoalition.Core.Clustering;

namespace IraqCoalition.Core.Tests.Clustering;

public sealed class ClusterMatcherTests
{
    private static readonly ClusterMatcher Matcher = new();

    private static EventReport Report(string root, long? source, string? sourceCountry, long? target, string? targetCountry, string start, string? end = null, string evidence = "") => new()
    {
        Id = 1, Root = root,
        SourceActor = source, SourceCountry = sourceCountry, TargetActor = target, TargetCountry = targetCountry,
        Start = EventReport.Day(start), End = EventReport.Day(end ?? start),
        Precision = end is null ? "day" : "range",
        Terms = EvidenceTerms.Of(evidence),
    };

    private static ClusterProfile Cluster(long id, params EventReport[] reports) => ClusterProfile.Of(id, reports);

    private static readonly EventReport Strike = Report("19", 10, "USA", 20, "IRN", "2020-01-03",
        evidence: "A U.S. drone strike at Baghdad airport killed Gen. Qassem Soleimani early Friday");

    [Fact]
    public void A_second_report_of_the_strike_in_other_words_joins_it()
    {
        var other = Report("19", 11, "USA", 20, "IRN", "2020-01-03",
            evidence: "Soleimani was killed when an American drone fired missiles at his convoy near the airport");
        var d = Matcher.Decide(other, [Cluster(7, Strike)]);
        Assert.Equal(7, d.ClusterId);
        Assert.Contains("same source country USA", d.Reason, StringComparison.Ordinal);
        Assert.Contains("same target actor", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strike_coded_as_an_assault_elsewhere_still_joins_it()
    {
        var assault = Strike with { Root = "18" };
        var d = Matcher.Decide(assault, [Cluster(7, Strike)]);
        Assert.Equal(7, d.ClusterId);
        Assert.Contains("compatible roots 18~19", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Incompatible_codes_or_dates_found_a_new_event()
    {
        var condemnation = Strike with { Root = "11" };
        Assert.Null(Matcher.Decide(condemnation, [Cluster(7, Strike)]).ClusterId);

        var laterStrike = Strike with { Start = EventReport.Day("2020-03-12"), End = EventReport.Day("2020-03-12") };
        var d = Matcher.Decide(laterStrike, [Cluster(7, Strike)]);
        Assert.Null(d.ClusterId);
        Assert.Contains("incompatible code or dates", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overnight_raid_a_day_apart_can_be_one_event_but_not_two_days_apart()
    {
        var sunday = Report("19", 10, "USA", 30, "IRQ", "2019-12-29", evidence: "U.S. airstrikes hit Kataib Hezbollah weapons depots near al-Qaim");
        var monday = Report("19", 10, "USA", 30, "IRQ", "2019-12-30", evidence: "The airstrikes on Kataib Hezbollah depots near al-Qaim killed 25 fighters");
        Assert.Equal(3, Matcher.Decide(monday, [Cluster(3, sunday)]).ClusterId);

        var tuesday = monday with { Start = EventReport.Day("2019-12-31"), End = EventReport.Day("2019-12-31") };
        Assert.Null(Matcher.Decide(tuesday, [Cluster(3, sunday)]).ClusterId);
    }

    [Fact]
    public void A_vague_date_that_holds_the_day_matches_and_the_cluster_keeps_the_day()
    {
        var lastWeek = Report("19", 10, "USA", 20, "IRN", "2019-12-30", "2020-01-05",
            evidence: "last week's drone strike that killed Soleimani at the airport");
        Assert.Equal(7, Matcher.Decide(lastWeek, [Cluster(7, Strike)]).ClusterId);

        var profile = ClusterProfile.Of(7, [Strike, lastWeek]);
        Assert.Equal(EventReport.Day("2020-01-03"), profile.Start);
        Assert.Equal(EventReport.Day("2020-01-03"), profile.End);
    }

    [Fact]
    public void Different_actors_on_both_sides_are_different_events_even_on_the_same_day()
    {
        var other = Report("19", 50, "TUR", 60, "SYR", "2020-01-03", evidence: "Turkish drones struck Kurdish positions in northern Syria");
        var d = Matcher.Decide(other, [Cluster(7, Strike)]);
        Assert.Null(d.ClusterId);
        Assert.Contains("source TUR differs", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_best_scoring_candidate_wins()
    {
        var weak = Report("19", 99, "USA", null, null, "2020-01-03", evidence: "an exchange of fire at a checkpoint");
        var other = Report("19", 10, "USA", 20, "IRN", "2020-01-03", evidence: "the drone strike that killed Soleimani at Baghdad airport");
        var d = Matcher.Decide(other, [Cluster(2, weak), Cluster(7, Strike)]);
        Assert.Equal(7, d.ClusterId);
    }

    [Fact]
    public void A_report_that_reads_the_victim_as_the_actor_still_joins_the_strike()
    {
        // "Soleimani was killed in a U.S. strike" with the roles read the wrong way round.
        var swapped = Report("19", 20, "IRN", 10, "USA", "2020-01-03",
            evidence: "Soleimani was killed in the U.S. drone strike at Baghdad airport early on Friday");
        var d = Matcher.Decide(swapped, [Cluster(7, Strike)]);
        Assert.Equal(7, d.ClusterId);
        Assert.Contains("source and target swapped", d.Reason, StringComparison.Ordinal);

        // Iran answering the U.S. is another event: its wording and date differ.
        var retaliation = Report("19", 20, "IRN", 10, "USA", "2020-01-08",
            evidence: "Iran fired ballistic missiles at Ain al-Asad air base in retaliation");
        Assert.Null(Matcher.Decide(retaliation, [Cluster(7, Strike)]).ClusterId);
    }

    [Fact]
    public void Same_day_and_most_of_the_wording_outweigh_one_misread_side_but_not_two()
    {
        var misread = Report("19", 30, "IRQ", null, null, "2020-01-03",
            evidence: "A U.S. drone strike at Baghdad airport killed Qassem Soleimani on Friday");
        var d = Matcher.Decide(misread, [Cluster(7, Strike)]);
        Assert.Equal(7, d.ClusterId);
        Assert.Contains("outweighed by the wording", d.Reason, StringComparison.Ordinal);

        var otherDay = misread with { Start = EventReport.Day("2020-01-04"), End = EventReport.Day("2020-01-04") };
        Assert.Null(Matcher.Decide(otherDay, [Cluster(7, Strike)]).ClusterId);

        var bothSidesDiffer = misread with { TargetActor = 40, TargetCountry = "SYR" };
        Assert.Null(Matcher.Decide(bothSidesDiffer, [Cluster(7, Strike)]).ClusterId);
    }

    [Fact]
    public void The_bound_used_to_skip_candidates_is_never_below_the_score()
    {
        // Every combination of sides (same actor, same country, unknown, other country, swapped),
        // dates and wording: a candidate the bound skips could never have been joined.
        long?[] actors = [10, 11, 20, null];
        string?[] countries = ["USA", "IRN", "IRQ", null];
        string[] days = ["2020-01-02", "2020-01-03", "2020-01-04"];
        string[] wordings = ["", "drone strike Baghdad airport", "A U.S. drone strike at Baghdad airport killed Gen. Qassem Soleimani early Friday"];
        var cluster = Cluster(7, Strike, Report("19", null, null, 20, "IRN", "2020-01-03", evidence: "Soleimani killed"));
        var checkedCases = 0;
        foreach (var sa in actors)
        foreach (var sc in countries)
        foreach (var ta in actors)
        foreach (var tc in countries)
        foreach (var day in days)
        foreach (var words in wordings)
        {
            var r = Report("18", sa, sc, ta, tc, day, evidence: words);
            var (score, _) = Matcher.Score(r, cluster);
            var bound = Matcher.MaxScore(r, SideKeys.Join(cluster.Sources), SideKeys.Join(cluster.Targets), cluster.Start, cluster.End);
            if (score is { } x)
            {
                Assert.True(bound >= x - 1e-9, $"{sa}/{sc} -> {ta}/{tc} on {day}: bound {bound} < score {x}");
                checkedCases++;
            }
        }

        Assert.True(checkedCases > 100, $"{checkedCases} cases scored");
    }
}

public sealed class ClusterPartsTests
{
    [Fact]
    public void Evidence_terms_drop_function_and_calendar_words_and_share_stems()
    {
        var a = EvidenceTerms.Of("The U.S. strikes killed 25 fighters on Sunday, officials said.");
        var b = EvidenceTerms.Of("A strike killing fighters");
        Assert.DoesNotContain("the", a);
        Assert.DoesNotContain("sunday", a);
        Assert.DoesNotContain("said", a);
        Assert.Contains("us", a);
        Assert.Contains("strik", a);
        Assert.Contains("strik", b);
        Assert.Contains("kill", a);
        Assert.Contains("kill", b);
    }

    [Fact]
    public void Root_compatibility_reads_both_ways_and_refuses_bad_lines()
    {
        var roots = RootCompatibility.Parse(new StringReader("# c\nroot\tcompatible\n18\t19\n"));
        Assert.True(roots.Compatible("19", "18"));
        Assert.True(roots.Compatible("18", "19"));
        Assert.False(roots.Compatible("18", "11"));
        Assert.Equal(["19", "18"], roots.With("19"));
        Assert.Throws<FormatException>(() => RootCompatibility.Parse(new StringReader("1\t19\n")));
        Assert.True(RootCompatibility.Default.Compatible("11", "12"));
    }

    [Fact]
    public void Scores_match_a_hand_count()
    {
        // Gold: {a1 a2 a3} {b1}; system: {a1 a2} {a3 b1}.
        (string, int)[] items = [("a", 1), ("a", 1), ("a", 2), ("b", 2)];
        var s = ClusterScores.Of(items);
        // System pairs: (a1,a2) right, (a3,b1) wrong -> P 1/2; gold pairs (a1a2, a1a3, a2a3) -> R 1/3.
        Assert.Equal(0.5, s.PairPrecision, 6);
        Assert.Equal(1 / 3.0, s.PairRecall, 6);
        // B-cubed precision: a1 1, a2 1, a3 1/2, b1 1/2 -> 0.75; recall: a1 2/3, a2 2/3, a3 1/3, b1 1 -> 2/3.
        Assert.Equal(0.75, s.BCubedPrecision, 6);
        Assert.Equal(2 / 3.0, s.BCubedRecall, 6);
        Assert.Equal(2, s.GoldClusters);
        Assert.Equal(2, s.SystemClusters);
    }
}
