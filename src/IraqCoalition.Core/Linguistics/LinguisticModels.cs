using System.Diagnostics;
using IraqCoalition.Core.Linguistics.Names;
using IraqCoalition.Core.Linguistics.Parsing;
using IraqCoalition.Core.Linguistics.Tagging;

namespace IraqCoalition.Core.Linguistics;

/// <summary>
/// The trained models of the linguistic layer. The shipped ones are embedded in the assembly from
/// data/models/ (retrained with the <c>train</c> command), so the library works wherever it is
/// deployed; they are loaded once per process.
/// </summary>
public sealed class LinguisticModels
{
    private static readonly Lazy<LinguisticModels> Shipped = new(LoadEmbedded);

    public LinguisticModels(PosTagger tagger, DependencyParser parser, NameRecognizer names)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(names);
        Tagger = tagger;
        Parser = parser;
        Names = names;
    }

    public static LinguisticModels Default => Shipped.Value;

    public PosTagger Tagger { get; }

    public DependencyParser Parser { get; }

    public NameRecognizer Names { get; }

    /// <summary>How long the shipped models took to load (they must load in well under a second).</summary>
    public TimeSpan LoadTime { get; private init; }

    private static LinguisticModels LoadEmbedded()
    {
        var clock = Stopwatch.StartNew();
        var tagger = PosTagger.Load(Open("tagger.icm"), "embedded tagger.icm");
        var parser = DependencyParser.Load(Open("parser.icm"), "embedded parser.icm");
        var names = NameRecognizer.Load(Open("ner.icm"), "embedded ner.icm", tagger);
        return new LinguisticModels(tagger, parser, names) { LoadTime = clock.Elapsed };
    }

    private static Stream Open(string file) =>
        typeof(LinguisticModels).Assembly.GetManifestResourceStream("IraqCoalition.Core.Models." + file)
        ?? throw new InvalidOperationException($"the model {file} is not embedded: data/models/{file} is missing (train it with the train command, see data/models/README.md)");
}
