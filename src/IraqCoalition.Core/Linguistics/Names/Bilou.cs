namespace IraqCoalition.Core.Linguistics.Names;

/// <summary>
/// BILOU tags as class indices: 0 is O, then Begin, Inside, Last, Unit for each <see cref="NameType"/>.
/// The recogniser chooses tags left to right and may only take a tag that continues a valid sequence,
/// so every output decodes to well-formed spans without repair.
/// </summary>
public static class Bilou
{
    public const int Outside = 0;
    public const int Begin = 0;
    public const int Inside = 1;
    public const int Last = 2;
    public const int Unit = 3;
    public const int Classes = 1 + (NameTypes.Count * 4);

    public static int Tag(NameType type, int position) => 1 + ((int)type * 4) + position;

    public static int Position(int tag) => (tag - 1) & 3;

    public static NameType TypeOf(int tag) => (NameType)((tag - 1) >> 2);

    /// <summary>Whether the tag leaves a name open (B or I), so the next tag must continue it.</summary>
    public static bool IsOpen(int tag) => tag != Outside && Position(tag) is Begin or Inside;

    /// <summary>Whether <paramref name="tag"/> may follow <paramref name="previous"/> (<see cref="Outside"/> at the sentence start).</summary>
    public static bool Allowed(int previous, int tag)
    {
        if (IsOpen(previous))
        {
            return tag != Outside && TypeOf(tag) == TypeOf(previous) && Position(tag) is Inside or Last;
        }

        return tag == Outside || Position(tag) is Begin or Unit;
    }

    /// <summary>Whether <paramref name="tag"/> may follow <paramref name="previous"/> at the last token of a sentence.</summary>
    public static bool AllowedLast(int previous, int tag) => Allowed(previous, tag) && !IsOpen(tag);

    public static string Name(int tag) => tag == Outside ? "O" : "BILU"[Position(tag)] + "-" + NameTypes.Code(TypeOf(tag));

    /// <summary>Writes the tags of <paramref name="names"/> (sorted, not overlapping) over a sentence of <paramref name="tags"/>.Length tokens.</summary>
    public static void Encode(ReadOnlySpan<NameSpan> names, Span<int> tags)
    {
        tags.Clear();
        foreach (var n in names)
        {
            if (n.Length == 1)
            {
                tags[n.Start] = Tag(n.Type, Unit);
                continue;
            }

            tags[n.Start] = Tag(n.Type, Begin);
            for (var i = n.Start + 1; i < n.End - 1; i++)
            {
                tags[i] = Tag(n.Type, Inside);
            }

            tags[n.End - 1] = Tag(n.Type, Last);
        }
    }

    /// <summary>The names of a valid tag sequence, appended to <paramref name="into"/>.</summary>
    public static void Decode(ReadOnlySpan<int> tags, List<NameSpan> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var start = -1;
        for (var i = 0; i < tags.Length; i++)
        {
            var t = tags[i];
            if (t == Outside)
            {
                continue;
            }

            switch (Position(t))
            {
                case Unit:
                    into.Add(new NameSpan(i, i + 1, TypeOf(t)));
                    break;
                case Begin:
                    start = i;
                    break;
                case Last:
                    into.Add(new NameSpan(start, i + 1, TypeOf(t)));
                    break;
            }
        }
    }

    /// <summary>Whether a whole sequence is valid BILOU.</summary>
    public static bool IsValid(ReadOnlySpan<int> tags)
    {
        var previous = Outside;
        for (var i = 0; i < tags.Length; i++)
        {
            if (!(i == tags.Length - 1 ? AllowedLast(previous, tags[i]) : Allowed(previous, tags[i])))
            {
                return false;
            }

            previous = tags[i];
        }

        return true;
    }
}
