namespace IraqCoalition.Cli.Commands;

/// <summary>Positional arguments plus <c>--name value</c> options, some of which may repeat.</summary>
public sealed class Args
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Args Parse(IEnumerable<string> args, IEnumerable<string> valueOptions, IEnumerable<string>? flags = null)
    {
        var withValue = valueOptions.ToHashSet(StringComparer.Ordinal);
        var flagSet = (flags ?? []).ToHashSet(StringComparer.Ordinal);
        var result = new Args();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (withValue.Contains(a))
            {
                if (!e.MoveNext())
                {
                    throw new UsageException($"{a} needs a value");
                }

                if (!result._options.TryGetValue(a, out var list))
                {
                    result._options[a] = list = [];
                }

                list.Add(e.Current);
            }
            else if (flagSet.Contains(a))
            {
                result._flags.Add(a);
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option {a}");
            }
            else
            {
                result.Positional.Add(a);
            }
        }

        return result;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public bool Has(string flag) => _flags.Contains(flag);
}
