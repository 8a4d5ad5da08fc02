namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>The entity types of the recogniser. Group is nationalities, religious, ethnic and political groups (NORP).</summary>
public enum NameType : byte
{
    Person,
    Organization,
    Location,
    Group,
}

/// <summary>A name found in a sentence: the token range <c>[Start, End)</c> and its type.</summary>
public readonly record struct NameSpan(int Start, int End, NameType Type)
{
    public int Length => End - Start;
}

public static class NameTypes
{
    public const int Count = 4;

    private static readonly string[] Codes = ["PER", "ORG", "LOC", "NORP"];

    /// <summary>The CoNLL-style code: PER, ORG, LOC, NORP.</summary>
    public static string Code(NameType t) => Codes[(int)t];

    /// <summary>
    /// The type of a corpus label. LOC, GPE and place names map to Location; NORP, Nationality to Group;
    /// anything else (MISC, Weapon, ...) has no type and is left out of training and scoring.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> label, out NameType type)
    {
        type = default;
        if (label.Equals("PER", StringComparison.OrdinalIgnoreCase) || label.Equals("PERSON", StringComparison.OrdinalIgnoreCase))
        {
            type = NameType.Person;
        }
        else if (label.Equals("ORG", StringComparison.OrdinalIgnoreCase) || label.Equals("ORGANIZATION", StringComparison.OrdinalIgnoreCase)
            || label.Equals("ORGANISATION", StringComparison.OrdinalIgnoreCase))
        {
            type = NameType.Organization;
        }
        else if (label.Equals("LOC", StringComparison.OrdinalIgnoreCase) || label.Equals("GPE", StringComparison.OrdinalIgnoreCase)
            || label.Equals("LOCATION", StringComparison.OrdinalIgnoreCase) || label.Equals("PLACE", StringComparison.OrdinalIgnoreCase))
        {
            type = NameType.Location;
        }
        else if (label.Equals("NORP", StringComparison.OrdinalIgnoreCase) || label.Equals("NATIONALITY", StringComparison.OrdinalIgnoreCase))
        {
            type = NameType.Group;
        }
        else
        {
            return false;
        }

        return true;
    }
}
