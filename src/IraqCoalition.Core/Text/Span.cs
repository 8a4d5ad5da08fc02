namespace IraqCoalition.Core.Text;

/// <summary>A half-open range of UTF-16 offsets into an article body: <c>Start</c> inclusive, <c>End</c> exclusive.</summary>
public readonly record struct Span(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(Span other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(Span other) => Start < other.End && other.Start < End;

    public string Slice(string text) => text[Start..End];
}
