using System.Text;

namespace IraqCoalition.Core.Clustering;

/// <summary>
/// The content words of an event's evidence, reduced to crude stems, for comparing two reports'
/// wording. Function words, reporting verbs and calendar words are dropped: every report has them,
/// so they would make any two reports look alike. Stems are prefixes after common suffixes are
/// cut ("strikes", "striking" -> "strik"), which is enough to see that two sentences share
/// "drone", "airport" and "killed" without a lemmatiser's cost per report.
/// </summary>
public static class EvidenceTerms
{
    private const int StemLength = 7;

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "into", "onto", "over", "after", "before", "since", "during", "near", "about", "against",
        "its", "it", "their", "they", "them", "his", "her", "he", "she", "we", "our", "us", "you", "your",
        "this", "that", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "while",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
        "will", "would", "could", "should", "may", "might", "must", "can", "shall", "not", "no", "also",
        "than", "then", "there", "here", "all", "any", "some", "more", "most", "other", "such", "only",
        "said", "says", "say", "saying", "told", "tell", "added", "according", "statement", "spokesman",
        "spokeswoman", "reported", "reports", "report", "news", "agency", "reporters", "official", "officials",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "week", "month", "year", "day", "days", "weeks", "early", "late", "last", "next",
        "mr", "mrs", "ms", "dr", "gen", "s",
    };

    public static IReadOnlySet<string> Of(string? text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var word = new StringBuilder();
        var joined = false;
        foreach (var ch in text.Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
                continue;
            }

            if (ch is '.' or '-' && word.Length > 0 && word.Length < 3)
            {
                // "U.S." and "al-Qaim" stay one word, and "U.S." is not the pronoun "us".
                joined = true;
                continue;
            }

            if (word.Length > 0)
            {
                Add(terms, word.ToString(), joined);
                word.Clear();
            }

            joined = false;
        }

        return terms;
    }

    private static void Add(HashSet<string> terms, string w, bool joined)
    {
        if (w.Length < 2 || (!joined && Stop.Contains(w)) || w.All(char.IsAsciiDigit) && w.Length == 4 && w[0] is '1' or '2')
        {
            // Years say when, which the date already compares.
            return;
        }

        terms.Add(Stem(w));
    }

    internal static string Stem(string w)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ings", "ing", "ies", "ied", "es", "ed", "s"])
        {
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                w = w[..^suffix.Length];
                break;
            }
        }

        // "strike" and "strikes" (cut to "strik") meet.
        if (w.Length > 4 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        return w.Length > StemLength ? w[..StemLength] : w;
    }
}
