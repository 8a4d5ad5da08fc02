namespace IraqCoalition.Core.Text;

/// <summary>
/// A quoted passage. <see cref="Span"/> includes the quotation marks, <see cref="Content"/> does not.
/// Passages that belong to one quotation (split by an attribution, "… ," Trump said. "…", or carried
/// over a paragraph break with no closing mark) share a <see cref="Group"/>.
/// </summary>
/// <param name="Closed">False when the paragraph ended before a closing mark (newswire style for a
/// quotation that continues in the next paragraph).</param>
/// <param name="SingleMarks">True for a passage in single quotation marks.</param>
public sealed record Quote(Span Span, Span Content, int Group, bool Closed, bool SingleMarks);

/// <summary>A dateline opening the article ("BAGHDAD —", "MOSCOW (AP) —", "KABUL, Afghanistan (Reuters) -").</summary>
/// <param name="Span">From the first place word through the dash.</param>
/// <param name="Place">The place words only ("BAGHDAD", "WASHINGTON, D.C.").</param>
/// <param name="Agency">The wire agency in brackets, when present.</param>
public sealed record Dateline(Span Span, Span Place, Span? Agency);
