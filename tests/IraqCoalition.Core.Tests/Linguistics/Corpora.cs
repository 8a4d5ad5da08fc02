using IraqCoalition.Core.Linguistics.Conllu;

namespace IraqCoalition.Core.Tests.Linguistics;

/// <summary>The treebanks shipped under data/corpora/, found from the repository root.</summary>
internal static class Corpora
{
    private static readonly Lazy<List<ConlluSentence>> EwtTrain = new(() => [.. ConlluReader.ReadFile(Path("ud-english-ewt", "en_ewt-ud-train.conllu"))]);
    private static readonly Lazy<List<ConlluSentence>> EwtDev = new(() => [.. ConlluReader.ReadFile(Path("ud-english-ewt", "en_ewt-ud-dev.conllu"))]);
    private static readonly Lazy<List<ConlluSentence>> EwtTest = new(() => [.. ConlluReader.ReadFile(Path("ud-english-ewt", "en_ewt-ud-test.conllu"))]);

    public static List<ConlluSentence> Train => EwtTrain.Value;

    public static List<ConlluSentence> Dev => EwtDev.Value;

    public static List<ConlluSentence> Test => EwtTest.Value;

    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "data", "corpora", .. parts]);
    }
}
