using System.Text.Json;
using System.Text.RegularExpressions;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Tests.Actors;

namespace IraqCoalition.Core.Tests.Pipeline;

/// <summary>
/// The statement, event, date and dyad halves of ../shared/eval/score.py, ported line for line so the
/// gold copies under Gold/ are a regression test that needs no Python.
/// </summary>
internal static partial class GoldScore
{
    public sealed class Totals
    {
        public int StatementsFound { get; set; }
        public int StatementsRequired { get; set; }
        public int StatementsRight { get; set; }
        public int StatementsPredicted { get; set; }
        public int EventsFound { get; set; }
        public int EventsRequired { get; set; }
        public int EventsRight { get; set; }
        public int EventsPredicted { get; set; }
        public int DatesRight { get; set; }
        public int DatesScored { get; set; }
        public int DyadsRight { get; set; }
        public int Dyads { get; set; }
        public List<string> Missed { get; } = [];

        public double StatementRecall => Ratio(StatementsFound, StatementsRequired, 1);
        public double StatementPrecision => Ratio(StatementsRight, StatementsPredicted, StatementsRequired == 0 ? 1 : 0);
        public double EventRecall => Ratio(EventsFound, EventsRequired, 1);
        public double EventPrecision => Ratio(EventsRight, EventsPredicted, EventsRequired == 0 ? 1 : 0);
        public double DateAccuracy => Ratio(DatesRight, DatesScored, 0);
        public double DyadAccuracy => Ratio(DyadsRight, Dyads, 0);

        private static double Ratio(int a, int b, double empty) => b == 0 ? empty : (double)a / b;

        public override string ToString() =>
            $"statements R={StatementRecall:F2} P={StatementPrecision:F2}; events R={EventRecall:F2} P={EventPrecision:F2}; dates {DateAccuracy:F2}; dyads {DyadAccuracy:F2}; missed [{string.Join(", ", Missed)}]";
    }

    public static void Score(JsonElement gold, ExtractionResult pred, Totals t)
    {
        var actors = pred.Actors.ToDictionary(a => a.Id);
        var goldNames = gold.GetProperty("actors").EnumerateArray().ToDictionary(
            g => g.GetProperty("key").GetString()!,
            g => g.GetProperty("names").EnumerateArray().Select(n => GoldActorScore.Norm(n.GetString())).ToHashSet());

        HashSet<string> KeysFor(string? id)
        {
            if (id is null || !actors.TryGetValue(id, out var a))
            {
                return [];
            }

            var names = a.Aliases.Append(a.Name).Concat(a.Mentions.Select(m => m.Text)).Select(GoldActorScore.Norm).Where(n => n.Length > 0).ToHashSet();
            return goldNames.Where(kv => kv.Value.Overlaps(names)).Select(kv => kv.Key).ToHashSet();
        }

        // Statements
        var used = new HashSet<int>();
        foreach (var g in gold.GetProperty("statements").EnumerateArray())
        {
            var required = Required(g);
            var gw = Words(g.GetProperty("text").GetString());
            var speakers = Strings(g, "speakers");
            var hit = -1;
            for (var i = 0; i < pred.Statements.Count && hit < 0; i++)
            {
                if (used.Contains(i))
                {
                    continue;
                }

                var s = pred.Statements[i];
                var pw = Words(s.Text);
                if (gw.Count == 0 || pw.Count == 0 || pw.Count > 3 * gw.Count + 10)
                {
                    continue;
                }

                var pset = pw.ToHashSet();
                if ((double)gw.Count(pset.Contains) / gw.Count < 0.6 || !KeysFor(s.Speaker).Overlaps(speakers))
                {
                    continue;
                }

                hit = i;
            }

            if (hit >= 0)
            {
                used.Add(hit);
                t.StatementsFound += required ? 1 : 0;
            }
            else if (required)
            {
                t.Missed.Add(g.GetProperty("key").GetString()!);
            }

            t.StatementsRequired += required ? 1 : 0;
        }

        t.StatementsRight += used.Count;
        t.StatementsPredicted += pred.Statements.Count;

        // Events and their dates
        used.Clear();
        foreach (var g in gold.GetProperty("events").EnumerateArray())
        {
            var required = Required(g);
            var evidence = g.GetProperty("evidence").GetString();
            var ev = GoldActorScore.Norm(evidence);
            var gw = Words(evidence);
            var roots = Strings(g, "roots");
            var wanted = Strings(g, "sources");
            wanted.UnionWith(Strings(g, "targets"));
            var hit = -1;
            for (var i = 0; i < pred.Events.Count && hit < 0; i++)
            {
                if (used.Contains(i))
                {
                    continue;
                }

                var e = pred.Events[i];
                var text = e.Evidence.Text;
                if (!GoldActorScore.Norm(text).Contains(ev, StringComparison.Ordinal))
                {
                    var pw = Words(text).ToHashSet();
                    if (gw.Count == 0 || (double)gw.Count(pw.Contains) / gw.Count < 0.8)
                    {
                        continue;
                    }
                }

                var keys = KeysFor(e.Source);
                keys.UnionWith(KeysFor(e.Target));
                if (!roots.Contains(e.Root.PadLeft(2, '0')) || (wanted.Count > 0 && !keys.Overlaps(wanted)))
                {
                    continue;
                }

                hit = i;
            }

            t.EventsRequired += required ? 1 : 0;
            if (hit < 0)
            {
                if (required)
                {
                    t.Missed.Add(g.GetProperty("key").GetString()!);
                }

                continue;
            }

            used.Add(hit);
            t.EventsFound += required ? 1 : 0;
            var range = g.GetProperty("date").EnumerateArray().Select(d => d.GetString()!).ToArray();
            var value = pred.Events[hit].Date.Value;
            value = value.Length > 10 ? value[..10] : value;
            t.DatesScored++;
            t.DatesRight += value.Length > 0 && string.CompareOrdinal(range[0], value) <= 0 && string.CompareOrdinal(value, range[1]) <= 0 ? 1 : 0;
        }

        t.EventsRight += used.Count;
        t.EventsPredicted += pred.Events.Count;

        // Dyads: the mean Goldstein of the events between the pair's countries has the expected sign.
        if (gold.TryGetProperty("dyads", out var dyads))
        {
            foreach (var d in dyads.EnumerateArray())
            {
                var pair = d.GetProperty("pair").EnumerateArray().Select(p => p.GetString()).ToHashSet();
                var values = pred.Events
                    .Where(e => new HashSet<string?> { CountryOf(actors, e.Source), CountryOf(actors, e.Target) }.SetEquals(pair))
                    .Select(e => e.Goldstein).ToList();
                t.Dyads++;
                if (values.Count > 0)
                {
                    var mean = values.Average();
                    t.DyadsRight += (d.GetProperty("expect").GetString() == "conflictual" ? mean < 0 : mean > 0) ? 1 : 0;
                }
            }
        }
    }

    private static string? CountryOf(Dictionary<string, ExtractedActor> actors, string? id) =>
        id is not null && actors.TryGetValue(id, out var a) ? a.Country : null;

    private static bool Required(JsonElement e) => e.TryGetProperty("required", out var r) && r.GetBoolean();

    private static HashSet<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var arr) ? arr.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];

    public static List<string> Words(string? s) =>
        WordRegex().Matches((s ?? "").Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant()).Select(m => m.Value).ToList();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordRegex();
}
