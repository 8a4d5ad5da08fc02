using System.Globalization;
using System.Reflection;

namespace IraqCoalition.Core.Events;

/// <summary>One CAMEO event code: its root, quad class, Goldstein value and label.</summary>
public sealed record CameoCode(string Code, string Root, int QuadClass, double Goldstein, string Label);

/// <summary>
/// The CAMEO event codebook, read from <c>data/cameo/cameo-codebook.tsv</c> (embedded). Codes are
/// strings throughout: "010" (make statement) and "10" (demand) are different codes.
/// </summary>
public sealed class CameoCodebook
{
    private static readonly Lazy<CameoCodebook> LazyDefault = new(() => Load(OpenResource("cameo-codebook.tsv")));

    private readonly Dictionary<string, CameoCode> _codes;

    private CameoCodebook(Dictionary<string, CameoCode> codes) => _codes = codes;

    /// <summary>The embedded codebook, parsed once per process.</summary>
    public static CameoCodebook Default => LazyDefault.Value;

    public IEnumerable<CameoCode> Codes => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    public int Count => _codes.Count;

    public CameoCode this[string code] => _codes.TryGetValue(code, out var c)
        ? c
        : throw new KeyNotFoundException($"'{code}' is not a CAMEO code");

    public bool TryGet(string code, out CameoCode result) => _codes.TryGetValue(code, out result!);

    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>Quad class of a two-digit root: 1 verbal cooperation (01-05), 2 material cooperation (06-09),
    /// 3 verbal conflict (10-14), 4 material conflict (15-20).</summary>
    public static int QuadClassOf(string root)
    {
        var r = int.Parse(root, NumberStyles.None, CultureInfo.InvariantCulture);
        return r switch
        {
            >= 1 and <= 5 => 1,
            >= 6 and <= 9 => 2,
            >= 10 and <= 14 => 3,
            >= 15 and <= 20 => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(root), root, "CAMEO roots run from 01 to 20"),
        };
    }

    /// <summary>Parses the codebook format: <c>code, root, quad_class, goldstein, label</c>, tab-separated,
    /// '#' comments and one header line.</summary>
    public static CameoCodebook Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var codes = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 5 || f[0].Length < 2 || !f[0].All(char.IsAsciiDigit) || !f[0].StartsWith(f[1], StringComparison.Ordinal))
            {
                throw new FormatException($"codebook line {lineNo}: expected code, root, quad class, Goldstein, label");
            }

            var quad = int.Parse(f[2], NumberStyles.None, CultureInfo.InvariantCulture);
            if (quad != QuadClassOf(f[1]))
            {
                throw new FormatException($"codebook line {lineNo}: quad class {quad} does not match root {f[1]}");
            }

            var goldstein = double.Parse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture);
            codes[f[0]] = new CameoCode(f[0], f[1], quad, goldstein, f[4]);
        }

        return new CameoCodebook(codes);
    }

    internal static StreamReader OpenResource(string file)
    {
        var name = "IraqCoalition.Core.Cameo." + file;
        var stream = typeof(CameoCodebook).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        return new StreamReader(stream);
    }

    /// <summary>A hash of the embedded rule files, so the pipeline version changes when they do.</summary>
    internal static string ResourceFingerprint()
    {
        var asm = Assembly.GetExecutingAssembly();
        ulong h = 14695981039346656037UL;
        foreach (var n in asm.GetManifestResourceNames().Where(n => n.StartsWith("IraqCoalition.Core.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(n)!;
            int b;
            while ((b = s.ReadByte()) >= 0)
            {
                h = (h ^ (byte)b) * 1099511628211UL;
            }
        }

        return h.ToString("x16", CultureInfo.InvariantCulture)[..8];
    }
}
