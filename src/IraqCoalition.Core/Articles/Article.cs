namespace IraqCoalition.Core.Articles;

/// <summary>
/// An article as read from a file or a form: metadata from its front matter and the body that every
/// extracted offset points into. <see cref="Body"/> is never trimmed or normalised, because character
/// spans shown to users must index it exactly.
/// </summary>
public sealed record Article
{
    public required string Body { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public DateOnly? Published { get; init; }
    public string Language { get; init; } = "en";

    /// <summary>Where the article came from (file path or "upload"), for messages and logs only.</summary>
    public string? Origin { get; init; }

    /// <summary>Front-matter keys the reader did not map to a property, kept so nothing is lost.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>What the reader found but could not use (an unsafe URL, a date it cannot read, an unclosed front matter), for the person ingesting.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
