using System.Globalization;
using System.Text;
using IraqCoalition.Core.Charts;
using IraqCoalition.Core.Dyads;
using IraqCoalition.Data.Events;
using IraqCoalition.Reporting.Composition;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>
/// Draws a dyad's weekly events as inline SVG: bars stacked by tone (<see cref="Tones.DrawingOrder"/>,
/// neutral acts grey between cooperation and conflict), the mean Goldstein score as a line on a second
/// axis (-10 to +10), and the 3 January 2020 strike marked on its day when in range. Bars span their
/// week on the same <see cref="DayScale"/> as the web chart. Drawn by hand so the chart is vector in
/// the PDF and needs no script in the page.
/// </summary>
public static class DyadChartSvg
{
    public static string ToneColor(Tone tone) => tone switch
    {
        Tone.VerbalCooperation => "#81c784",
        Tone.MaterialCooperation => "#2e7d32",
        Tone.Neutral => "#9e9e9e",
        Tone.VerbalConflict => "#ffb74d",
        Tone.MaterialConflict => "#c62828",
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    public static int Count(DyadWeek week, Tone tone) => tone switch
    {
        Tone.VerbalCooperation => week.VerbalCooperation,
        Tone.MaterialCooperation => week.MaterialCooperation,
        Tone.Neutral => week.Neutral,
        Tone.VerbalConflict => week.VerbalConflict,
        Tone.MaterialConflict => week.MaterialConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };
    public const string GoldsteinColor = "#1565c0";

    /// <summary>The US strike at Baghdad airport that killed Soleimani and al-Muhandis.</summary>
    public static readonly DateOnly StrikeDay = new(2020, 1, 3);

    private const double Width = 680, Height = 250, Left = 40, Right = 40, Top = 18, Bottom = 46;

    public static string Render(DyadChart chart, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var weeks = FillWeeks(chart.Weeks, from, to);
        var sb = new StringBuilder();
        var title = $"Weekly events between {chart.Dyad.A} and {chart.Dyad.B}";
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dyad-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html.Attr(title)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{Html.Text(title)}</title>");
        if (weeks.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"axis\">No events between {Html.Text(chart.Dyad.A)} and {Html.Text(chart.Dyad.B)} in this period</text></svg>");
            return sb.ToString();
        }

        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var maxCount = Math.Max(1, weeks.Max(w => w.Week?.Events ?? 0));
        var yMax = NiceCeiling(maxCount);
        var scale = DayScale.OfWeeks(weeks[0].Start, weeks.Count, Left, plotW);
        double Y(double count) => Top + plotH - (count / yMax * plotH);
        double G(double g) => Top + ((10 - g) / 20 * plotH);

        // Axes and grid: counts on the left, Goldstein on the right.
        foreach (var tick in new[] { 0, yMax / 2.0, yMax })
        {
            sb.Append(F($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\"/>"));
            sb.Append(F($"<text class=\"axis\" x=\"{Left - 4}\" y=\"{Y(tick) + 3:0.#}\" text-anchor=\"end\">{tick:0.#}</text>"));
        }

        foreach (var g in new[] { -10, 0, 10 })
        {
            sb.Append(F($"<text class=\"axis\" x=\"{Width - Right + 4}\" y=\"{G(g) + 3:0.#}\" fill=\"{GoldsteinColor}\">{g:+0;-0;0}</text>"));
        }

        sb.Append(F($"<line class=\"zero\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{G(0):0.#}\" y2=\"{G(0):0.#}\" stroke=\"{GoldsteinColor}\"/>"));

        var labelEvery = Math.Max(1, (int)Math.Ceiling(weeks.Count / 8.0));
        var points = new List<string>();
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            var (x, barW) = scale.WeekBar(w.Start, gap: 1.5);
            if (w.Week is { } week)
            {
                double stacked = 0;
                foreach (var tone in Tones.DrawingOrder)
                {
                    var n = Count(week, tone);
                    if (n == 0)
                    {
                        continue;
                    }

                    sb.Append(F($"<rect x=\"{x:0.#}\" y=\"{Y(stacked + n):0.#}\" width=\"{barW:0.#}\" height=\"{Y(stacked) - Y(stacked + n):0.#}\" fill=\"{ToneColor(tone)}\" data-tone=\"{tone}\"><title>{w.Start:yyyy-MM-dd}: {n} {tone.Label().ToLowerInvariant()}</title></rect>"));
                    stacked += n;
                }

                points.Add(F($"{scale.MiddleOfWeek(w.Start):0.#},{G(week.MeanGoldstein):0.#}"));
            }

            if (i % labelEvery == 0)
            {
                sb.Append(F($"<text class=\"axis\" x=\"{scale.MiddleOfWeek(w.Start):0.#}\" y=\"{Height - Bottom + 13:0.#}\" text-anchor=\"middle\">{w.Start:d MMM}</text>"));
            }
        }

        if (points.Count > 1)
        {
            sb.Append(F($"<polyline fill=\"none\" stroke=\"{GoldsteinColor}\" stroke-width=\"1.8\" points=\"{string.Join(' ', points)}\"/>"));
        }

        foreach (var p in points)
        {
            var xy = p.Split(',');
            sb.Append(F($"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"2.6\" fill=\"{GoldsteinColor}\"/>"));
        }

        if (scale.Contains(StrikeDay))
        {
            var x = scale.MiddleOf(StrikeDay);
            sb.Append(F($"<line class=\"strike\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top - 4}\" y2=\"{Top + plotH}\"/>"));
            sb.Append(F($"<text class=\"strike-label\" x=\"{x + 3:0.#}\" y=\"{Top + 4}\">3 Jan 2020: US strike kills Soleimani</text>"));
        }

        // Legend under the axis labels.
        var lx = Left;
        var ly = Height - 12;
        foreach (var tone in Tones.DrawingOrder)
        {
            sb.Append(F($"<rect x=\"{lx}\" y=\"{ly - 8}\" width=\"9\" height=\"9\" fill=\"{ToneColor(tone)}\"/><text class=\"legend\" x=\"{lx + 12}\" y=\"{ly}\">{tone.Label()}</text>"));
            lx += tone == Tone.Neutral ? 62 : 112;
        }

        sb.Append(F($"<line x1=\"{lx}\" x2=\"{lx + 14}\" y1=\"{ly - 4}\" y2=\"{ly - 4}\" stroke=\"{GoldsteinColor}\" stroke-width=\"2\"/><text class=\"legend\" x=\"{lx + 18}\" y=\"{ly}\">Mean Goldstein</text>"));
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Every Monday from the period's (or data's) first week to its last, so quiet weeks show as gaps.</summary>
    internal static List<(DateOnly Start, DyadWeek? Week)> FillWeeks(IReadOnlyList<DyadWeek> weeks, DateOnly? from, DateOnly? to)
    {
        var byStart = weeks.ToDictionary(w => DateOnly.ParseExact(w.WeekStart, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (byStart.Count == 0 && (from is null || to is null))
        {
            return [];
        }

        var first = from is { } f ? Monday(f) : byStart.Keys.Min();
        var last = to is { } t ? Monday(t) : byStart.Keys.Max();
        var list = new List<(DateOnly, DyadWeek?)>();
        // A year of weeks at most: beyond that bars become hairlines and the period is the wrong tool.
        for (var d = first; d <= last && list.Count < 60; d = d.AddDays(7))
        {
            list.Add((d, byStart.GetValueOrDefault(d)));
        }

        return list;
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static int NiceCeiling(int n) => n <= 4 ? 4 : n <= 10 ? 10 : (int)(Math.Ceiling(n / 10.0) * 10);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
