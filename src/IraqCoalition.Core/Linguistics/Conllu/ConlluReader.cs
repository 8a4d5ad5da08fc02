namespace IraqCoalition.Core.Linguistics.Conllu;

/// <summary>Reads CoNLL-U (universaldependencies.org/format.html), keeping syntactic words only.</summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var s in Read(reader, path))
        {
            yield return s;
        }
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var comments = new List<string>();
        var words = new List<ConlluWord>();
        var ranges = new List<(int, int, string)>();
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence(comments, words) { MultiwordRanges = ranges };
                }

                comments = [];
                words = [];
                ranges = [];
                continue;
            }

            if (line[0] == '#')
            {
                comments.Add(line);
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new InvalidDataException($"{name}:{lineNo}: expected 10 tab-separated columns, found {cols.Length}");
            }

            // Multiword token ranges (1-2) and empty nodes (1.1) are not syntactic words.
            var dash = cols[0].IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (int.TryParse(cols[0].AsSpan(0, dash), out var first) && int.TryParse(cols[0].AsSpan(dash + 1), out var last))
                {
                    ranges.Add((first, last, cols[1]));
                }

                continue;
            }

            if (cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (!int.TryParse(cols[6], out var head))
            {
                head = -1;
            }

            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[9]));
        }

        if (words.Count > 0)
        {
            yield return new ConlluSentence(comments, words) { MultiwordRanges = ranges };
        }
    }
}
