using IraqCoalition.Core.Dyads;
using IraqCoalition.Web.Timeline;

namespace IraqCoalition.Web.Relationships;

/// <summary>How the relationship page paints each tone; which tone an event has is <see cref="Tones.Of"/>'s call.</summary>
public static class ToneStyle
{
    public static string Fill(Tone tone) => tone switch
    {
        Tone.VerbalCooperation => "#66bb6a",
        Tone.MaterialCooperation => "#1e88e5",
        Tone.Neutral => "#9e9e9e",
        Tone.VerbalConflict => "#ffa726",
        Tone.MaterialConflict => "#e53935",
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    /// <summary>The text class of an event line: its quad colour, or grey when it is neutral.</summary>
    public static string TextCss(int quadClass, double goldstein) =>
        quadClass is >= 1 and <= 4 && Tones.Of(quadClass, goldstein) == Tone.Neutral ? "tone-neutral" : Cameo.QuadCss(quadClass);
}
