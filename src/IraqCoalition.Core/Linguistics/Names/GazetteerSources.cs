namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>
/// Builds the recogniser's gazetteer from the repository's lists: the actor dictionary
/// (<c>data/dictionaries/actors.*.txt</c>), the PETRARCH2 actor files, CountryInfo and world cities
/// (<c>data/gazetteers/</c>). Read only at training time; the built lists travel inside the model.
/// </summary>
public static class GazetteerSources
{
    public static Gazetteer Build(string dictionaries, string gazetteers)
    {
        var b = new Gazetteer.Builder { PersonParts = true };
        foreach (var file in Directory.GetFiles(dictionaries, "actors.*.txt").Order(StringComparer.Ordinal))
        {
            AddActorDictionary(b, File.ReadLines(file));
        }

        var petrarch = Path.Combine(gazetteers, "petrarch2");
        AddPetrarch(b, File.ReadLines(Path.Combine(petrarch, "Phoenix.Countries.actors.txt")), organizations: false);
        AddPetrarch(b, File.ReadLines(Path.Combine(petrarch, "Phoenix.International.actors.txt")), organizations: true);
        AddPetrarch(b, File.ReadLines(Path.Combine(petrarch, "Phoenix.MilNonState.actors.txt")), organizations: true);
        AddCountryInfo(b, File.ReadLines(Path.Combine(gazetteers, "countryinfo", "CountryInfo.120116.txt")));
        AddCities(b, File.ReadLines(Path.Combine(gazetteers, "world-cities", "world-cities.csv")));
        return b.Build();
    }

    /// <summary>
    /// The product's dictionary format (docs/extraction-actors.md): <c>[kind key]</c> sections of
    /// <c>field = a; b</c> lines, and word-list sections (<c>[givennames]</c>, <c>[titles]</c>, <c>[sects]</c>).
    /// </summary>
    public static void AddActorDictionary(Gazetteer.Builder b, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(lines);
        var kind = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                kind = line[1..^1].Split(' ')[0];
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var field = eq < 0 ? "" : line[..eq].Trim();
            var values = eq < 0 ? line : line[(eq + 1)..];
            GazetteerList? list = (kind, field) switch
            {
                ("givennames", "") => GazetteerList.GivenName,
                ("sects", "") => GazetteerList.Group,
                ("titles", _) => GazetteerList.Title,
                ("country", "name" or "aliases" or "capital") => GazetteerList.Location,
                ("country", "demonyms" or "people") => GazetteerList.Group,
                ("country", "metonyms") => GazetteerList.Organization,
                ("organization" or "armed_group", "name" or "aliases") => GazetteerList.Organization,
                ("person", "name" or "aliases") => GazetteerList.Person,
                ("location", "name" or "aliases") => GazetteerList.Location,
                _ => null,
            };
            if (list is { } l)
            {
                // A title line is "Prime Minister = GOV": the entry is the part before '='.
                foreach (var v in (kind == "titles" ? field.Length > 0 ? field : values : values).Split(';'))
                {
                    b.Add(v.Trim(), l);
                }
            }
        }
    }

    /// <summary>
    /// PETRARCH2 actor files: an entry line "NAME_ [CODE]" with "+ALIAS_" lines after it, words joined
    /// by underscores. In the country file a three-letter code marks a country (its aliases are its
    /// cities and provinces too), other entries are people; the other files are organisations.
    /// </summary>
    public static void AddPetrarch(Gazetteer.Builder b, IEnumerable<string> lines, bool organizations)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(lines);
        var list = GazetteerList.Organization;
        foreach (var raw in lines)
        {
            if (raw.Length == 0 || raw[0] is '#' or '\t' or ' ' or '[' or '<' or '-')
            {
                continue;
            }

            var alias = raw[0] == '+';
            var line = alias ? raw[1..] : raw;
            var cut = line.IndexOfAny(['[', '#', '\t']);
            var name = (cut < 0 ? line : line[..cut]).Replace('_', ' ').Trim();
            if (!alias)
            {
                var code = cut >= 0 && line[cut] == '[' ? line[(cut + 1)..].Split(']')[0].Trim() : "";
                list = organizations ? GazetteerList.Organization : code.Length == 3 && code.All(char.IsUpper) ? GazetteerList.Location : GazetteerList.Person;
            }

            if (name.Length > 0)
            {
                b.Add(name, list);
            }
        }
    }

    /// <summary>CountryInfo: country names, capitals, cities, regions and features are places; nationalities are groups; leaders and government members are people.</summary>
    public static void AddCountryInfo(Gazetteer.Builder b, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(lines);
        GazetteerList? block = null;
        var inComment = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (inComment || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith("<CountryName>", StringComparison.Ordinal))
            {
                b.Add(Clean(line["<CountryName>".Length..].Split('<')[0]), GazetteerList.Location);
                continue;
            }

            if (line.StartsWith("</", StringComparison.Ordinal) && block is not null && IsBlockEnd(line))
            {
                block = null;
                continue;
            }

            if (line.StartsWith('<'))
            {
                block = line switch
                {
                    "<Nationality>" => GazetteerList.Group,
                    "<Capital>" or "<MajorCities>" or "<Regions>" or "<GeogFeatures>" => GazetteerList.Location,
                    "<Leaders>" or "<Government>" => GazetteerList.Person,
                    _ => block == GazetteerList.Person ? block : null,
                };
                continue;
            }

            if (block is { } l && line.Length > 0 && line[0] != '#')
            {
                var cut = line.IndexOfAny(['[', '#', '\t', ' ']);
                b.Add(Clean(cut < 0 ? line : line[..cut]), l);
            }
        }
    }

    private static bool IsBlockEnd(string line) => line is "</Nationality>" or "</Capital>" or "</MajorCities>" or "</Regions>" or "</GeogFeatures>" or "</Leaders>" or "</Government>";

    /// <summary>world-cities.csv: name, country, subcountry, geonameid; city, country and region names are places.</summary>
    public static void AddCities(Gazetteer.Builder b, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines.Skip(1))
        {
            var fields = SplitCsv(line);
            for (var i = 0; i < Math.Min(3, fields.Count); i++)
            {
                if (fields[i] != "N/A" && !fields[i].Contains(',', StringComparison.Ordinal))
                {
                    b.Add(fields[i], GazetteerList.Location);
                }
            }
        }
    }

    private static string Clean(string s) => s.Replace('_', ' ').Trim();

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }
}
