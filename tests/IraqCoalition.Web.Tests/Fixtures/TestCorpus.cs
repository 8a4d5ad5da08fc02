using IraqCoalition.Core.Articles;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>
/// Three short articles around the 3 January 2020 strike with hand-set extractions: Iraq–U.S.
/// cooperation before it and conflict after, Iraq–Russia friction before it and cooperation after.
/// </summary>
public static class TestCorpus
{
    public const string StrikeEvidence = "A U.S. drone strike killed Iranian Gen. Qassem Soleimani near Baghdad airport on Jan. 3.";
    public const string CondemnEvidence = "Prime Minister Adel Abdul-Mahdi condemned the strike as a violation of Iraqi sovereignty.";
    public const string ParliamentEvidence = "Iraq's parliament demanded the withdrawal of U.S. troops two days later.";
    public const string JointOpsEvidence = "U.S. and Iraqi forces carried out joint operations against the Islamic State group.";
    public const string TrainingEvidence = "Washington pledged more training aid to Iraq this month.";
    public const string RussiaCriticEvidence = "Moscow criticised Baghdad for ignoring its offers of air defence systems.";
    public const string MeetingEvidence = "Iraq's army chief met Russian Ambassador Maksim Maksimov in Baghdad on Tuesday.";
    public const string OfferEvidence = "Russia offered military support to Iraq, the ministry statement said.";
    public const string SovereigntyStatement = "the strike was a violation of Iraqi sovereignty";

    private static readonly ActorSpec Usa = new("usa", "United States", "country", "USA", "U.S.", "Washington");
    private static readonly ActorSpec Iraq = new("irq", "Iraq", "country", "IRQ", "Iraq", "Iraqi", "Baghdad");
    private static readonly ActorSpec Russia = new("rus", "Russia", "country", "RUS", "Russia", "Moscow");
    private static readonly ActorSpec Soleimani = new("soleimani", "Qassem Soleimani", "person", "IRN", "Qassem Soleimani");
    private static readonly ActorSpec AbdulMahdi = new("abdulmahdi", "Adel Abdul-Mahdi", "person", "IRQ", "Adel Abdul-Mahdi");

    public static IReadOnlyList<ScriptedArticle> Articles { get; } =
    [
        new(
            new Article
            {
                Title = "Joint operations continue as Washington pledges training",
                Source = "Test Wire",
                Published = new DateOnly(2019, 12, 10),
                Origin = "test/before.md",
                Body = $"{JointOpsEvidence} Officials called the effort a success.\n\n{TrainingEvidence}\n\n{RussiaCriticEvidence}",
            },
            [Usa, Iraq, Russia],
            [
                new(JointOpsEvidence, "062", "06", "Cooperate militarily", 7.4, 2, "usa", "irq", "2019-12-09"),
                new(TrainingEvidence, "070", "07", "Provide aid", 7.0, 2, "usa", "irq", "2019-12-15", "this month", "month", "2019-12-01", "2019-12-31"),
                new(RussiaCriticEvidence, "111", "11", "Criticize or denounce", -2.0, 3, "rus", "irq", "2019-11-20"),
            ],
            []),
        new(
            new Article
            {
                Title = "Soleimani killed in U.S. strike near Baghdad airport",
                Source = "Test Wire",
                Published = new DateOnly(2020, 1, 5),
                Origin = "test/strike.md",
                Body = $"{StrikeEvidence} The attack also killed a senior militia leader.\n\n{CondemnEvidence} He said {SovereigntyStatement}.\n\n{ParliamentEvidence}",
            },
            [Usa, Iraq, Soleimani, AbdulMahdi],
            [
                new(StrikeEvidence, "190", "19", "Use conventional military force", -10.0, 4, "usa", "soleimani", "2020-01-03", "Jan. 3"),
                new(CondemnEvidence, "111", "11", "Criticize or denounce", -2.0, 3, "abdulmahdi", "usa", "2020-01-04"),
                new(ParliamentEvidence, "1056", "10", "Demand withdrawal", -5.0, 3, "irq", "usa", "2020-01-05", "two days later"),
            ],
            [new("abdulmahdi", SovereigntyStatement, false)]),
        new(
            new Article
            {
                Title = "Iraq turns to Russia as ties with the U.S. fray",
                Source = "Test Wire",
                Published = new DateOnly(2020, 2, 5),
                Origin = "test/russia.md",
                Body = $"{MeetingEvidence}\n\n{OfferEvidence}",
            },
            [Iraq, Russia],
            [
                new(MeetingEvidence, "040", "04", "Consult", 1.0, 1, "irq", "rus", "2020-02-04", "on Tuesday"),
                new(OfferEvidence, "0312", "03", "Express intent to cooperate militarily", 5.2, 1, "rus", "irq", "2020-02-05"),
            ],
            []),
    ];

    public static int EventCount => Articles.Sum(a => a.Events.Count);
}
