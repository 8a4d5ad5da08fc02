namespace IraqCoalition.Core.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>First character is an upper-case letter.</summary>
    Capitalized = 1,

    /// <summary>Two or more letters, none lower case ("BAGHDAD", "U.S.").</summary>
    AllCaps = 2,

    /// <summary>Ends with a full stop that belongs to the word ("U.S.", "a.m."), not to the sentence.</summary>
    Dotted = 4,

    /// <summary>Contains a hyphen between letters or digits ("Abdul-Mahdi", "six-year").</summary>
    Hyphenated = 8,

    /// <summary>An opening or closing quotation mark (straight or curly, double or single).</summary>
    Quote = 16,

    /// <summary>Ends a sentence or clause: . ! ? … ; :</summary>
    Terminal = 32,

    /// <summary>A dash used as punctuation (—, –, --).</summary>
    Dash = 64,
}

/// <summary>A token as a span of the body, never a copied string: callers slice when they need text.</summary>
public readonly record struct Token(Span Span, TokenKind Kind, TokenFlags Flags)
{
    public int Start => Span.Start;
    public int End => Span.End;
    public int Length => Span.End - Span.Start;
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsNumber => Kind == TokenKind.Number;
    public bool IsPunct => Kind == TokenKind.Punct;
    public bool IsCapitalized => (Flags & TokenFlags.Capitalized) != 0;
    public bool IsAllCaps => (Flags & TokenFlags.AllCaps) != 0;
    public bool IsQuote => (Flags & TokenFlags.Quote) != 0;
    public bool IsDash => (Flags & TokenFlags.Dash) != 0;

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Span.Start, Span.End - Span.Start);

    /// <summary>Case-insensitive comparison without allocating.</summary>
    public bool Is(string text, string word) => AsSpan(text).Equals(word, StringComparison.OrdinalIgnoreCase);
}
