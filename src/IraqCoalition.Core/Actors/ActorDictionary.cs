using System.Reflection;

namespace IraqCoalition.Core.Actors;

/// <summary>
/// The curated actor dictionary: actors, agent nouns, titles and the small word lists recognition needs.
/// Built from the files under data/dictionaries/ (embedded in this assembly), optionally a directory of
/// user files that override them, PETRARCH imports and editor-confirmed additions. Thread-safe: readers
/// get an immutable compiled lexicon that is rebuilt after a change.
/// </summary>
public sealed class ActorDictionary
{
    private const string ResourcePrefix = "IraqCoalition.Core.Dictionaries.";
    private readonly Lock gate = new();
    private readonly Dictionary<string, ActorEntry> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AgentEntry> agents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> wordLists = new(StringComparer.Ordinal);
    private Lexicon? lexicon;

    public IReadOnlyCollection<ActorEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries.Values.ToList();
            }
        }
    }

    public IReadOnlyCollection<AgentEntry> Agents
    {
        get
        {
            lock (gate)
            {
                return agents.Values.ToList();
            }
        }
    }

    /// <summary>The dictionary shipped with the application (data/dictionaries/actors*.txt, embedded).</summary>
    public static ActorDictionary LoadDefault()
    {
        var dict = new ActorDictionary();
        var asm = typeof(ActorDictionary).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            dict.LoadText(reader.ReadToEnd(), name[ResourcePrefix.Length..]);
        }

        return dict;
    }

    /// <summary>
    /// The shipped dictionary, then every <c>actors*.txt</c> file of <paramref name="directory"/> in name order
    /// (entries with a known key change that entry), and <c>*.petrarch.txt</c> files through the importer.
    /// </summary>
    public static ActorDictionary LoadDirectory(string directory, bool includeDefault = true)
    {
        var dict = includeDefault ? LoadDefault() : new ActorDictionary();
        foreach (var file in Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".petrarch.txt", StringComparison.OrdinalIgnoreCase))
            {
                PetrarchDictionaryImporter.Import(File.ReadAllText(file), dict, name);
            }
            else if (name.StartsWith("actors", StringComparison.OrdinalIgnoreCase))
            {
                dict.LoadText(File.ReadAllText(file), name);
            }
        }

        return dict;
    }

    public void LoadText(string text, string source) => ActorDictionaryReader.Read(text, source, this);

    /// <summary>Adds or replaces an entry (an editor-confirmed actor, an import); later additions win.</summary>
    public void Add(ActorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            entries[entry.Key] = entry;
            lexicon = null;
        }
    }

    /// <summary>Adds an editor-confirmed alias to an existing entry; returns false when the key is unknown.</summary>
    public bool AddAlias(string key, string alias)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var e))
            {
                return false;
            }

            if (!e.AllNames().Contains(alias, StringComparer.Ordinal))
            {
                e.Aliases.Add(alias);
                lexicon = null;
            }

            return true;
        }
    }

    public void AddAgent(AgentEntry agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (gate)
        {
            agents[agent.Key] = agent;
            lexicon = null;
        }
    }

    public ActorEntry? Find(string key)
    {
        lock (gate)
        {
            return entries.GetValueOrDefault(key);
        }
    }

    public AgentEntry? FindAgent(string key)
    {
        lock (gate)
        {
            return agents.GetValueOrDefault(key);
        }
    }

    /// <summary>Items of the flat sections: titles (with their agent code), sects, premodifiers, roles, stopwords.</summary>
    internal void AddFlat(string section, string item, string? value)
    {
        lock (gate)
        {
            if (section == "titles")
            {
                titles[item] = value ?? "GOV";
            }
            else
            {
                if (!wordLists.TryGetValue(section, out var set))
                {
                    wordLists[section] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(item);
            }

            lexicon = null;
        }
    }

    internal Lexicon Lexicon
    {
        get
        {
            var lex = Volatile.Read(ref lexicon);
            if (lex is not null)
            {
                return lex;
            }

            lock (gate)
            {
                lexicon ??= new Lexicon(entries.Values.ToList(), agents.Values.ToList(), titles, wordLists);
                return lexicon;
            }
        }
    }
}
