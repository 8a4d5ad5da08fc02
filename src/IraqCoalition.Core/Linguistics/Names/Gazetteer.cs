using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>The name lists the recogniser reads as features; the model learns how far to trust each.</summary>
public enum GazetteerList : byte
{
    Person,
    Organization,
    Location,
    Group,
    GivenName,
    Title,
    Surname,
}

/// <summary>
/// Token n-grams of name lists, stored as 64-bit keys of their case-folded tokens (the same keys the
/// features use), so a lookup hashes nothing new and allocates nothing. Every proper prefix of an
/// entry is stored too, marked as continuing, which lets matching stop at the first unknown prefix.
/// </summary>
public sealed class Gazetteer
{
    public const int Lists = 7;
    public const int MaxTokens = 6;

    // Low bits: the lists an entry ending here belongs to; the high bit: a longer entry continues.
    private const byte Continues = 0x80;
    private static readonly ulong Seed = FeatureHash.Of("<gazetteer>");

    private readonly Dictionary<ulong, byte> _grams;

    private Gazetteer(Dictionary<ulong, byte> grams) => _grams = grams;

    public int Count => _grams.Count;

    public static Gazetteer Empty { get; } = new([]);

    /// <summary>
    /// For each token, its position in the leftmost-longest match of each list: 3 bits per list,
    /// 0 for none, else 1 + the BILOU position (<see cref="Bilou.Begin"/> ... <see cref="Bilou.Unit"/>).
    /// <paramref name="lowerKeys"/> are <see cref="FeatureHash.OfLower"/> of each token.
    /// </summary>
    public void Mark(ReadOnlySpan<ulong> lowerKeys, Span<int> marks)
    {
        var n = lowerKeys.Length;
        marks[..n].Clear();
        Span<int> covered = stackalloc int[Lists];
        Span<int> longest = stackalloc int[Lists];
        covered.Fill(-1);
        for (var i = 0; i < n; i++)
        {
            longest.Fill(-1);
            var any = false;
            var h = Seed;
            for (var j = i; j < n && j < i + MaxTokens; j++)
            {
                h = FeatureHash.Combine(h, lowerKeys[j]);
                if (!_grams.TryGetValue(h, out var v))
                {
                    break;
                }

                for (var l = 0; l < Lists; l++)
                {
                    if ((v & (1 << l)) != 0)
                    {
                        longest[l] = j;
                        any = true;
                    }
                }

                if ((v & Continues) == 0)
                {
                    break;
                }
            }

            if (!any)
            {
                continue;
            }

            for (var l = 0; l < Lists; l++)
            {
                var end = longest[l];
                if (end < 0 || i <= covered[l])
                {
                    continue;
                }

                for (var k = i; k <= end; k++)
                {
                    var pos = end == i ? Bilou.Unit : k == i ? Bilou.Begin : k == end ? Bilou.Last : Bilou.Inside;
                    marks[k] |= (pos + 1) << (3 * l);
                }

                covered[l] = end;
            }
        }
    }

    /// <summary>The position code of <paramref name="list"/> in a mark from <see cref="Mark"/>.</summary>
    public static int PositionIn(int mark, GazetteerList list) => (mark >> (3 * (int)list)) & 7;

    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(_grams.Count);
        foreach (var (k, v) in _grams.OrderBy(kv => kv.Key))
        {
            w.Write(k);
            w.Write(v);
        }
    }

    public static Gazetteer Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var n = r.ReadInt32();
        var grams = new Dictionary<ulong, byte>(n);
        for (var i = 0; i < n; i++)
        {
            grams[r.ReadUInt64()] = r.ReadByte();
        }

        return new Gazetteer(grams);
    }

    /// <summary>Collects entries; each is split by the product's tokeniser, so it matches the tokens of real text.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, byte> _grams = [];
        private readonly List<Token> _tokens = [];

        public int Entries { get; private set; }

        /// <summary>
        /// Whether a person's first word also goes to <see cref="GazetteerList.GivenName"/> and the last
        /// to <see cref="GazetteerList.Surname"/>: a later mention is mostly one of the two ("Soleimani").
        /// </summary>
        public bool PersonParts { get; init; }

        public void Add(string entry, GazetteerList list)
        {
            ArgumentNullException.ThrowIfNull(entry);
            _tokens.Clear();
            Tokenizer.Tokenize(entry, new Span(0, entry.Length), _tokens);
            if (_tokens.Count == 0 || _tokens.Count > MaxTokens || (_tokens.Count == 1 && _tokens[0].Length < 2))
            {
                return;
            }

            var h = Seed;
            for (var k = 0; k < _tokens.Count; k++)
            {
                h = FeatureHash.Combine(h, FeatureHash.OfLower(_tokens[k].AsSpan(entry)));
                var bit = k == _tokens.Count - 1 ? (byte)(1 << (int)list) : Continues;
                _grams[h] = (byte)(_grams.GetValueOrDefault(h) | bit);
            }

            Entries++;
            if (PersonParts && list == GazetteerList.Person && _tokens.Count > 1)
            {
                AddWord(_tokens[0].AsSpan(entry), GazetteerList.GivenName);
                AddWord(_tokens[^1].AsSpan(entry), GazetteerList.Surname);
            }
        }

        private void AddWord(ReadOnlySpan<char> word, GazetteerList list)
        {
            if (word.Length < 3 || !char.IsLetter(word[0]))
            {
                return;
            }

            var h = FeatureHash.Combine(Seed, FeatureHash.OfLower(word));
            _grams[h] = (byte)(_grams.GetValueOrDefault(h) | (1 << (int)list));
        }

        public Gazetteer Build() => new(new Dictionary<ulong, byte>(_grams));
    }
}
