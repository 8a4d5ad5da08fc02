namespace IraqCoalition.Core.Linguistics.Names.Corpora;

/// <summary>
/// Reads any name corpus of the repository into <see cref="NerSentence"/>s, chosen by the path: a
/// <c>.conllu</c> file is GUM (Entity= annotations), a folder is re3d (one source folder, or the root
/// holding them), anything else is CoNLL BIO (wikigold, BTC). A corpus without a published split is
/// split by document: <c>PATH@test</c> is every fifth document (index 4, 9, 14, ...), <c>PATH@train</c>
/// the other four fifths, so train and test never share a document.
/// </summary>
public static class NerCorpus
{
    public const int HeldOutEvery = 5;

    public static List<NerSentence> Read(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (path, part) = Parse(spec);
        List<NerSentence> all;
        if (Directory.Exists(path))
        {
            all = File.Exists(Path.Combine(path, "documents.json")) ? Re3dReader.ReadFolder(path) : Re3dReader.ReadAll(path);
        }
        else if (path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase))
        {
            all = GumEntities.ReadFile(path);
        }
        else
        {
            all = BioReader.ReadFile(path);
        }

        return part switch
        {
            "train" => all.Where(s => s.Document % HeldOutEvery != HeldOutEvery - 1).ToList(),
            "test" => all.Where(s => s.Document % HeldOutEvery == HeldOutEvery - 1).ToList(),
            _ => all,
        };
    }

    /// <summary>The path of a corpus spec and its part ("train", "test" or null for all of it).</summary>
    public static (string Path, string? Part) Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var part in (string[])["train", "test"])
        {
            if (spec.EndsWith("@" + part, StringComparison.Ordinal))
            {
                return (spec[..^(part.Length + 1)], part);
            }
        }

        return (spec, null);
    }

    public static bool Exists(string spec)
    {
        var path = Parse(spec).Path;
        return File.Exists(path) || Directory.Exists(path);
    }
}
