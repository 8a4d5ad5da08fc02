using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Annotation;

/// <summary>Named-entity types of the entity layer.</summary>
public static class EntityTypes
{
    public const string Person = "PER";
    public const string Organisation = "ORG";
    public const string Location = "LOC";

    /// <summary>Nationalities, religious and political groups ("Iraqi", "Shiite").</summary>
    public const string Group = "NORP";
}

/// <summary>A named-entity span: words [<paramref name="FirstWord"/>, <paramref name="EndWord"/>) and their characters.</summary>
public readonly record struct EntityMention(int FirstWord, int EndWord, string Type, Span Span);
