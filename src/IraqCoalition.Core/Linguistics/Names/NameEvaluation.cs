namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>Exact-span counts per type: a found name is right only with the gold start, end and type.</summary>
public sealed class NameEvaluation
{
    private readonly int[] _correct = new int[NameTypes.Count];
    private readonly int[] _found = new int[NameTypes.Count];
    private readonly int[] _gold = new int[NameTypes.Count];

    /// <summary>The recogniser's time per token in the evaluation run, tagging not included.</summary>
    public double NanosecondsPerToken { get; set; }

    /// <summary>The tagger's time per token on the same sentences, for scale.</summary>
    public double TaggerNanosecondsPerToken { get; set; }

    public static IReadOnlyList<NameType> Scored { get; } = [NameType.Person, NameType.Organization, NameType.Location];

    /// <summary>Scored-type names found with the right start and end, whatever their type: how much of the loss is typing.</summary>
    public int SpanOnlyCorrect { get; private set; }

    public void Add(IReadOnlyList<NameSpan> gold, IReadOnlyList<NameSpan> found)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(found);
        foreach (var g in gold)
        {
            _gold[(int)g.Type]++;
        }

        foreach (var f in found)
        {
            _found[(int)f.Type]++;
            foreach (var g in gold)
            {
                if (g.Start == f.Start && g.End == f.End && Scored.Contains(g.Type) && Scored.Contains(f.Type))
                {
                    SpanOnlyCorrect++;
                }

                if (g == f)
                {
                    _correct[(int)f.Type]++;
                    break;
                }
            }
        }
    }

    public int Gold(NameType t) => _gold[(int)t];

    public (double Precision, double Recall, double F1) Score(NameType t) => Prf(_correct[(int)t], _found[(int)t], _gold[(int)t]);

    /// <summary>Micro-averaged scores over <paramref name="types"/> (PER, ORG, LOC unless given).</summary>
    public (double Precision, double Recall, double F1) Score(IEnumerable<NameType>? types = null)
    {
        int c = 0, f = 0, g = 0;
        foreach (var t in types ?? Scored)
        {
            c += _correct[(int)t];
            f += _found[(int)t];
            g += _gold[(int)t];
        }

        return Prf(c, f, g);
    }

    /// <summary>Micro scores over PER, ORG and LOC when a name's type is not checked.</summary>
    public (double Precision, double Recall, double F1) SpanOnly()
    {
        int f = 0, g = 0;
        foreach (var t in Scored)
        {
            f += _found[(int)t];
            g += _gold[(int)t];
        }

        return Prf(SpanOnlyCorrect, f, g);
    }

    private static (double, double, double) Prf(int correct, int found, int gold)
    {
        var p = found == 0 ? 0 : (double)correct / found;
        var r = gold == 0 ? 0 : (double)correct / gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
