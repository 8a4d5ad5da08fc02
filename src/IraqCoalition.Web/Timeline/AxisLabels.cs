using IraqCoalition.Data.Events;

namespace IraqCoalition.Web.Timeline;

/// <summary>
/// Labels of axis items that say who did what to whom ("U.S. → Soleimani: air strike"), short enough
/// to read on a crowded axis; the full CAMEO label goes into the tooltip.
/// </summary>
public static class AxisLabels
{
    // The codes the extraction's triggers produce most, in the words an analyst would use; other codes
    // fall back to their CAMEO description, cut at its first comma.
    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["010"] = "statement", ["011"] = "no comment", ["012"] = "pessimistic comment", ["013"] = "optimistic comment",
        ["015"] = "claims responsibility", ["016"] = "denies responsibility", ["018"] = "sympathy",
        ["020"] = "appeal", ["023"] = "appeals for aid", ["0256"] = "urges de-escalation", ["026"] = "urges talks",
        ["030"] = "intends to cooperate", ["033"] = "pledges aid", ["0331"] = "pledges economic aid", ["0332"] = "pledges military aid",
        ["0333"] = "pledges humanitarian aid", ["036"] = "offers talks",
        ["040"] = "consultation", ["041"] = "phone call", ["042"] = "visit", ["043"] = "hosts visit", ["045"] = "mediation", ["046"] = "negotiation",
        ["050"] = "diplomatic cooperation", ["051"] = "praise", ["055"] = "apology", ["057"] = "signs agreement",
        ["061"] = "economic cooperation", ["062"] = "military cooperation", ["071"] = "economic aid", ["072"] = "military aid",
        ["084"] = "release", ["085"] = "eases sanctions", ["087"] = "de-escalation", ["0871"] = "ceasefire", ["0874"] = "retreat",
        ["090"] = "investigation", ["100"] = "demand", ["101"] = "demands inquiry", ["103"] = "demands protection", ["104"] = "demands reform",
        ["1053"] = "demands release", ["1054"] = "demands sanctions relief", ["1056"] = "demands de-escalation", ["106"] = "demands withdrawal",
        ["107"] = "demands ceasefire", ["108"] = "demands talks",
        ["110"] = "disapproval", ["111"] = "criticism", ["112"] = "accusation", ["114"] = "complaint",
        ["120"] = "rejection", ["1212"] = "rejects military cooperation", ["122"] = "rejects aid request", ["124"] = "refuses to yield",
        ["125"] = "rejects talks", ["129"] = "veto",
        ["130"] = "threat", ["1311"] = "threatens to cut aid", ["1312"] = "threatens sanctions", ["1313"] = "threatens to cut ties", ["138"] = "threatens force",
        ["141"] = "rally", ["144"] = "blockade", ["145"] = "riot",
        ["150"] = "show of force", ["154"] = "mobilises forces",
        ["160"] = "reduces relations", ["161"] = "breaks relations", ["1622"] = "halts military aid", ["163"] = "sanctions", ["164"] = "halts talks",
        ["166"] = "expulsion", ["171"] = "seizure", ["173"] = "arrest", ["174"] = "deportation", ["175"] = "repression",
        ["181"] = "abduction", ["182"] = "assault", ["186"] = "assassination",
        ["190"] = "military force", ["192"] = "occupation", ["194"] = "artillery fire", ["195"] = "air strike",
    };

    /// <summary>Long country names the axis writes as their usual short form.</summary>
    private static readonly Dictionary<string, string> ShortCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["United States"] = "U.S.", ["United States of America"] = "U.S.", ["United Kingdom"] = "U.K.", ["United Arab Emirates"] = "UAE",
    };

    /// <summary>A short verb or noun for <paramref name="code"/>: "air strike" for 195 "Employ aerial weapons".</summary>
    public static string Verb(string code, string label)
    {
        if (Verbs.TryGetValue(code, out var verb))
        {
            return verb;
        }

        var cut = label.IndexOf(',', StringComparison.Ordinal) is var i and > 0 ? label[..i] : label;
        return cut.Length > 1 ? char.ToLowerInvariant(cut[0]) + cut[1..] : cut;
    }

    /// <summary>A person by their family name (the last word that is not a number), a country by its short form.</summary>
    public static string Actor(string? name, string? kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "?";
        }

        if (ShortCountries.TryGetValue(name, out var country))
        {
            return country;
        }

        if (kind == "person")
        {
            var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(w => !w.All(char.IsDigit));
            return last ?? name;
        }

        return name;
    }

    /// <summary>A short country name for a code, from the known countries' names.</summary>
    public static string Country(string code, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(code, out var name) ? Actor(name, "country") : code;

    /// <summary>"U.S. → Soleimani: air strike".</summary>
    public static string Content(TimelineEvent e) =>
        e.SourceName is null && e.TargetName is null
            ? Verb(e.Code, e.Label)
            : $"{Actor(e.SourceName, e.SourceKind)} → {Actor(e.TargetName, e.TargetKind)}: {Verb(e.Code, e.Label)}";

    /// <summary>The tooltip: the full CAMEO label, the date, the actors' full names and the Goldstein score.</summary>
    public static string Title(TimelineEvent e)
    {
        var date = e.DateStart != e.DateEnd ? $"{e.DateValue} (between {e.DateStart} and {e.DateEnd})" : e.DateValue;
        return $"{e.Code} {e.Label} · {date} · {e.SourceName ?? "?"} → {e.TargetName ?? "?"} · Goldstein {e.Goldstein:+0.0;-0.0;0.0}";
    }
}
