namespace IraqCoalition.Core.Clustering;

/// <summary>
/// Which CAMEO roots may meet in one cluster (data/clustering/compatible-roots.tsv, read both ways).
/// Codes are compared by root only: a refinement ("195" under "19") is the same root.
/// </summary>
public sealed class RootCompatibility
{
    private readonly Dictionary<string, HashSet<string>> _with;

    private RootCompatibility(Dictionary<string, HashSet<string>> with) => _with = with;

    public static RootCompatibility Default { get; } = Load();

    public bool Compatible(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (_with.TryGetValue(a, out var s) && s.Contains(b));

    /// <summary>The root itself and every root it may meet, for the candidate query.</summary>
    public IReadOnlyList<string> With(string root) =>
        [root, .. (_with.TryGetValue(root, out var s) ? s.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())];

    public static RootCompatibility Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var with = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            if (!with.TryGetValue(a, out var set))
            {
                with[a] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(b);
        }

        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("root\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 2 || f[0].Length != 2 || !f[0].All(char.IsAsciiDigit))
            {
                throw new FormatException($"compatible-roots line {lineNo}: expected 'root<TAB>roots'");
            }

            foreach (var other in f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Link(f[0], other);
                Link(other, f[0]);
            }
        }

        return new RootCompatibility(with);
    }

    private static RootCompatibility Load()
    {
        const string name = "IraqCoalition.Clustering.compatible-roots.tsv";
        using var stream = typeof(RootCompatibility).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
