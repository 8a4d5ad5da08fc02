namespace IraqCoalition.Core.Events;

/// <summary>One element of a trigger pattern: a set of word forms, or a gap of up to <see cref="Gap"/> words.</summary>
public sealed record PatternElement(IReadOnlySet<string>? Words, int Gap);

/// <summary>A trigger rule from <c>data/cameo/triggers.tsv</c>.</summary>
public sealed record TriggerRule(string Code, string Pattern, IReadOnlyList<PatternElement> Elements, string Flags, int Line)
{
    public bool Nominal => Flags.Contains('N', StringComparison.Ordinal);
    public bool NeedsTarget => Flags.Contains('T', StringComparison.Ordinal);
    public bool Refine => Flags.Contains('R', StringComparison.Ordinal);
    public bool CarriesNegation => Flags.Contains('X', StringComparison.Ordinal);

    /// <summary>The subject must be a weapon ("rockets hit the embassy"): the verb alone says nothing about force.</summary>
    public bool NeedsWeaponSubject => Flags.Contains('W', StringComparison.Ordinal);

    // P: a passive with the act's noun first ("The treaty was signed by X and Y", "Sanctions were imposed on Z by X",
    // "drew criticism from X"): the agent follows `by` or `from`.
    public bool NounFirstPassive => Flags.Contains('P', StringComparison.Ordinal);

    /// <summary>Number of literal words, which decides between rules that match at the same word.</summary>
    public int Weight => Elements.Count(e => e.Words is not null);
}

/// <summary>A refinement from <c>data/cameo/refinements.tsv</c>: under <see cref="Root"/>, any of the keywords picks <see cref="Code"/>.</summary>
public sealed record Refinement(string Root, IReadOnlyList<string> Keywords, string Code);

/// <summary>
/// The trigger rules and code refinements, indexed by the word forms a pattern can start with so
/// matching costs one dictionary lookup per word.
/// </summary>
public sealed class TriggerLexicon
{
    private static readonly Lazy<TriggerLexicon> LazyDefault = new(() =>
    {
        using var t = CameoCodebook.OpenResource("triggers.tsv");
        using var r = CameoCodebook.OpenResource("refinements.tsv");
        return Load(t, r, CameoCodebook.Default);
    });

    private readonly Dictionary<string, TriggerRule[]> _byFirstWord;

    private TriggerLexicon(List<TriggerRule> rules, List<Refinement> refinements)
    {
        Rules = rules;
        Refinements = refinements;
        var byFirst = new Dictionary<string, List<TriggerRule>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var w in rule.Elements[0].Words!)
            {
                if (!byFirst.TryGetValue(w, out var list))
                {
                    byFirst[w] = list = [];
                }

                list.Add(rule);
            }
        }

        _byFirstWord = byFirst.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(r => r.Weight).ThenBy(r => r.Line).ToArray(),
            StringComparer.Ordinal);
    }

    public static TriggerLexicon Default => LazyDefault.Value;

    public IReadOnlyList<TriggerRule> Rules { get; }
    public IReadOnlyList<Refinement> Refinements { get; }

    /// <summary>Rules whose first element accepts <paramref name="word"/>, heaviest first.</summary>
    public TriggerRule[] StartingWith(string word) =>
        _byFirstWord.TryGetValue(word, out var list) ? list : [];

    public static TriggerLexicon Load(TextReader triggers, TextReader refinements, CameoCodebook codebook)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(refinements);
        ArgumentNullException.ThrowIfNull(codebook);
        var rules = new List<TriggerRule>();
        var lineNo = 0;
        while (triggers.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 2 || !codebook.Contains(f[0]))
            {
                throw new FormatException($"triggers line {lineNo}: '{f[0]}' is not a CAMEO code");
            }

            var elements = ParsePattern(f[1], lineNo);
            rules.Add(new TriggerRule(f[0], f[1], elements, f.Length > 2 ? f[2].Trim() : "", lineNo));
        }

        var refs = new List<Refinement>();
        lineNo = 0;
        while (refinements.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("root\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 3 || !codebook.Contains(f[2]) || !f[2].StartsWith(f[0], StringComparison.Ordinal))
            {
                throw new FormatException($"refinements line {lineNo}: expected root, keywords, a code under that root");
            }

            refs.Add(new Refinement(f[0], f[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), f[2]));
        }

        return new TriggerLexicon(rules, refs);
    }

    private static List<PatternElement> ParsePattern(string pattern, int lineNo)
    {
        var elements = new List<PatternElement>();
        foreach (var part in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == '~')
            {
                if (!int.TryParse(part.AsSpan(1), out var gap) || gap < 1 || elements.Count == 0)
                {
                    throw new FormatException($"triggers line {lineNo}: bad gap '{part}'");
                }

                elements.Add(new PatternElement(null, gap));
                continue;
            }

            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alt in part.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                if (alt.EndsWith('+'))
                {
                    foreach (var form in Inflect(alt[..^1]))
                    {
                        words.Add(form);
                    }
                }
                else
                {
                    words.Add(alt);
                }
            }

            elements.Add(new PatternElement(words, 0));
        }

        if (elements.Count == 0 || elements[^1].Words is null)
        {
            throw new FormatException($"triggers line {lineNo}: a pattern starts and ends with words");
        }

        return elements;
    }

    /// <summary>Regular English inflections of a stem; over-generating is harmless because only real words occur.</summary>
    public static IEnumerable<string> Inflect(string stem)
    {
        yield return stem;
        yield return stem + "s";
        yield return stem + "es";
        yield return stem + "ed";
        yield return stem + "ing";
        if (stem.EndsWith('e'))
        {
            yield return stem + "d";
            yield return stem[..^1] + "ing";
        }
        else
        {
            yield return stem + "e";
        }

        if (stem.EndsWith('y') && stem.Length > 2)
        {
            yield return stem[..^1] + "ies";
            yield return stem[..^1] + "ied";
        }

        var last = stem[^1];
        if (stem.Length >= 3 && !"aeiouwxy".Contains(last, StringComparison.Ordinal) && "aeiou".Contains(stem[^2], StringComparison.Ordinal))
        {
            yield return stem + last + "ed";
            yield return stem + last + "ing";
        }
    }
}
