using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Actors;

/// <summary>
/// Finds the actors of one article: dictionary names (longest match on a token trie), titled and
/// appositive names that are not in the dictionary, country + agent phrases ("Iraqi military"),
/// anonymous sources and groups, places versus capitals used as metonyms, and coreference within the
/// article (surnames, "the official", "the ministry", pronouns). Stateless between calls and thread-safe.
/// </summary>
public sealed class ActorRecognizer
{
    private readonly ActorDictionary dictionary;

    public ActorRecognizer(ActorDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        this.dictionary = dictionary;
    }

    public ActorAnalysis Recognize(TextDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new RecognitionRun(doc, dictionary.Lexicon).Execute();
    }
}
