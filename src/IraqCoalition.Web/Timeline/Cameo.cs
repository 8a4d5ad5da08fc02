namespace IraqCoalition.Web.Timeline;

/// <summary>CAMEO root categories and quad classes, for filter menus and legends.</summary>
public static class Cameo
{
    public static IReadOnlyList<(string Root, string Label)> Roots { get; } =
    [
        ("01", "Make public statement"),
        ("02", "Appeal"),
        ("03", "Express intent to cooperate"),
        ("04", "Consult"),
        ("05", "Engage in diplomatic cooperation"),
        ("06", "Engage in material cooperation"),
        ("07", "Provide aid"),
        ("08", "Yield"),
        ("09", "Investigate"),
        ("10", "Demand"),
        ("11", "Disapprove"),
        ("12", "Reject"),
        ("13", "Threaten"),
        ("14", "Protest"),
        ("15", "Exhibit force posture"),
        ("16", "Reduce relations"),
        ("17", "Coerce"),
        ("18", "Assault"),
        ("19", "Fight"),
        ("20", "Use unconventional mass violence"),
    ];

    public static IReadOnlyList<(int Quad, string Label)> QuadClasses { get; } =
    [
        (1, "Verbal cooperation"),
        (2, "Material cooperation"),
        (3, "Verbal conflict"),
        (4, "Material conflict"),
    ];

    public static string QuadLabel(int quad) =>
        QuadClasses.FirstOrDefault(q => q.Quad == quad).Label ?? $"Quad class {quad}";

    public static string QuadCss(int quad) => quad is >= 1 and <= 4 ? $"quad-{quad}" : "";

    /// <summary>Countries analysts ask about most, offered as one-click dyads.</summary>
    public static IReadOnlyList<(string A, string B, string Label)> KeyDyads { get; } =
    [
        ("IRQ", "USA", "Iraq – U.S."),
        ("IRQ", "RUS", "Iraq – Russia"),
        ("IRQ", "IRN", "Iraq – Iran"),
        ("USA", "IRN", "U.S. – Iran"),
    ];
}
