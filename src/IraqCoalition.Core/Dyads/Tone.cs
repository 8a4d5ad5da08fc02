namespace IraqCoalition.Core.Dyads;

/// <summary>How an event reads on the relationship charts: its quad class, or neutral.</summary>
public enum Tone
{
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,

    /// <summary>Goldstein 0, e.g. CAMEO 010 "make statement": neither cooperation nor conflict.</summary>
    Neutral = 5,
}

/// <summary>
/// The one rule every chart, table and briefing uses to read an event's tone. CAMEO files "make
/// statement" (Goldstein 0) under verbal cooperation by its root, but a score of zero says the act
/// moves the relationship neither way; counting it as cooperation made talkative weeks look warm.
/// </summary>
public static class Tones
{
    /// <summary>Upwards from the axis first, then downwards: the order in which bars are stacked and legends read.</summary>
    public static IReadOnlyList<Tone> DrawingOrder { get; } =
        [Tone.VerbalCooperation, Tone.MaterialCooperation, Tone.Neutral, Tone.VerbalConflict, Tone.MaterialConflict];

    public static Tone Of(int quadClass, double goldstein)
    {
        if (quadClass is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quadClass), quadClass, "quad classes run from 1 to 4");
        }

        return goldstein == NeutralGoldstein ? Tone.Neutral : (Tone)quadClass;
    }

    /// <summary>
    /// The score of a neutral act. Codebook scores have one decimal, so equality is exact; SQL that
    /// counts tones takes this value as a parameter rather than writing its own.
    /// </summary>
    public const double NeutralGoldstein = 0;

    public static bool IsCooperation(this Tone tone) => tone is Tone.VerbalCooperation or Tone.MaterialCooperation;

    public static bool IsConflict(this Tone tone) => tone is Tone.VerbalConflict or Tone.MaterialConflict;

    public static string Label(this Tone tone) => tone switch
    {
        Tone.VerbalCooperation => "Verbal cooperation",
        Tone.MaterialCooperation => "Material cooperation",
        Tone.VerbalConflict => "Verbal conflict",
        Tone.MaterialConflict => "Material conflict",
        Tone.Neutral => "Neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };
}
