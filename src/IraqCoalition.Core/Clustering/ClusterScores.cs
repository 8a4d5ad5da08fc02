namespace IraqCoalition.Core.Clustering;

/// <summary>Pairwise and B-cubed agreement between a system clustering and a gold one.</summary>
public sealed record ClusterScores
{
    public int Items { get; init; }
    public int GoldClusters { get; init; }
    public int SystemClusters { get; init; }
    public double PairPrecision { get; init; }
    public double PairRecall { get; init; }
    public double PairF1 => F(PairPrecision, PairRecall);
    public double BCubedPrecision { get; init; }
    public double BCubedRecall { get; init; }
    public double BCubedF1 => F(BCubedPrecision, BCubedRecall);

    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    /// <summary>
    /// Scores items that carry both a gold and a system cluster label. Pairwise: of the item pairs
    /// the system put together, how many gold has together (precision), and the converse (recall);
    /// no pairs at all counts as 1. B-cubed averages the same per item (Bagga and Baldwin 1998).
    /// </summary>
    public static ClusterScores Of<TGold, TSystem>(IReadOnlyList<(TGold Gold, TSystem System)> items)
        where TGold : notnull
        where TSystem : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        long both = 0, sysPairs = 0, goldPairs = 0;
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var g = EqualityComparer<TGold>.Default.Equals(items[i].Gold, items[j].Gold);
                var s = EqualityComparer<TSystem>.Default.Equals(items[i].System, items[j].System);
                both += g && s ? 1 : 0;
                goldPairs += g ? 1 : 0;
                sysPairs += s ? 1 : 0;
            }
        }

        var gold = items.GroupBy(x => x.Gold).ToDictionary(g => g.Key, g => g.Count());
        var sys = items.GroupBy(x => x.System).ToDictionary(g => g.Key, g => g.Count());
        var cell = items.GroupBy(x => (x.Gold, x.System)).ToDictionary(g => g.Key, g => g.Count());
        double bp = 0, br = 0;
        foreach (var x in items)
        {
            var n = cell[(x.Gold, x.System)];
            bp += n / (double)sys[x.System];
            br += n / (double)gold[x.Gold];
        }

        return new ClusterScores
        {
            Items = items.Count,
            GoldClusters = gold.Count,
            SystemClusters = sys.Count,
            PairPrecision = sysPairs == 0 ? 1 : both / (double)sysPairs,
            PairRecall = goldPairs == 0 ? 1 : both / (double)goldPairs,
            BCubedPrecision = items.Count == 0 ? 1 : bp / items.Count,
            BCubedRecall = items.Count == 0 ? 1 : br / items.Count,
        };
    }
}
