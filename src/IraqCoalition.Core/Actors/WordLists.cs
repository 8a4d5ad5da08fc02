namespace IraqCoalition.Core.Actors;

/// <summary>Closed-class words of English news that the recognizer's rules name; folded into <see cref="WordClass"/>.</summary>
internal static class WordLists
{
    public static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "one" };

    public static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "van", "von", "der", "la", "le", "du", "ul",
    };

    public static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "added", "warned", "wrote", "tweeted", "stated", "announced", "acknowledged", "insisted", "argued",
    };

    public static readonly HashSet<string> LocationPrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "to", "into", "outside", "inside", "around", "across", "toward", "towards", "via", "through",
        "visit", "visited", "visiting", "visits", "reached", "left", "entered", "over", "within", "throughout", "of",
        "streets", "outskirts", "residents",
    };

    public static readonly HashSet<string> OrgHeads = new(StringComparer.Ordinal)
    {
        "ministry", "council", "committee", "commission", "party", "front", "brigade", "brigades", "corps", "agency",
        "command", "organization", "organisation", "union", "movement", "bank", "company", "university", "court",
        "assembly", "coalition", "alliance", "office", "department", "authority", "guard", "forces", "battalion",
        "battalions", "league", "institute", "service", "directorate", "bureau", "federation", "association", "group", "cell",
        "observatory", "chamber", "center", "centre", "corporation", "foundation", "fund", "network", "mission", "society", "syndicate",
        // Company abbreviations ("National Iranian Gas Co.", "Stena Bulk AB" is left to context).
        "co", "corp", "inc", "ltd", "plc", "llc",
    };

    /// <summary>Lower-case heads after a name that make it a broadcaster or paper ("Al-Masirah television channel").</summary>
    public static readonly HashSet<string> MediaHeads = new(StringComparer.Ordinal)
    {
        "television", "tv", "channel", "radio", "newspaper", "broadcaster", "daily", "station", "news", "agency",
    };

    /// <summary>Arabic words that open militia names ("Kataib al-Nasr", "Asaib Ahl al-Haq", "Saraya al-Salam").</summary>
    public static readonly HashSet<string> ArmedPrefixes = new(StringComparer.Ordinal)
    {
        "kataib", "kata'ib", "asaib", "saraya", "harakat", "liwa", "jaish", "firqat", "ansar",
    };

    /// <summary>Common nouns that, right before an unknown capitalised word, name it as a company or body ("oil giant Aramco").</summary>
    public static readonly HashSet<string> OrgNouns = new(StringComparer.Ordinal)
    {
        "giant", "firm", "company", "conglomerate", "operator", "producer", "broadcaster", "manufacturer", "carrier", "contractor",
        "owner", "shipowner", "insurer",
    };

    public static readonly HashSet<string> PhraseFollowers = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "tells", "has", "have", "had", "is", "was", "were", "are", "be", "been", "will",
        "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "not", "to", "and", "or", "but",
        "in", "on", "at", "of", "for", "with", "from", "by", "that", "which", "who", "as", "than", "also", "still",
        "now", "then", "later", "after", "before", "since", "during", "against", "into", "over", "under", "about",
        "across", "if", "while", "when", "where", "because", "so", "this", "these", "those", "there", "here", "its",
        "their", "his", "her", "the", "a", "an", "warns", "claims", "denies", "wants", "plans", "needs", "remains",
    };

    public static readonly HashSet<string> PlaceAdjectives = new(StringComparer.Ordinal)
    {
        "central", "northern", "southern", "eastern", "western", "downtown", "north", "south", "east", "west", "greater", "nearby",
    };
}
