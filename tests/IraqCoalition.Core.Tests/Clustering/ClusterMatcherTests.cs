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
