using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Events;
using IraqCoalition.Core.Statements;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Tests.Pipeline;

/// <summary>Runs the real stages over a snippet of news text, for unit tests of statements and events.</summary>
internal sealed class Read
{
    private static readonly ActorRecognizer Recognizer = new(ActorDictionary.LoadDefault());

    private Read(string text, DateOnly published)
    {
        Text = text;
        Doc = TextSegmenter.Segment(text);
        var timexes = TemporalTagger.Tag(Doc, published);
        Actors = Recognizer.Recognize(Doc);
        Statements = StatementExtractor.Extract(Doc, Actors, timexes);
        Events = EventExtractor.Extract(Doc, Actors, Statements, timexes, published);
    }

    public string Text { get; }
    public TextDocument Doc { get; }
    public ActorAnalysis Actors { get; }
    public IReadOnlyList<Statement> Statements { get; }
    public IReadOnlyList<CodedEvent> Events { get; }

    public static Read Of(string text) => new(text, new DateOnly(2020, 1, 8));

    public Statement Single()
    {
        Assert.Single(Statements);
        return Statements[0];
    }

    public CodedEvent Event(string code) =>
        Events.FirstOrDefault(e => e.Code.Code == code)
        ?? throw new Xunit.Sdk.XunitException($"no {code} event; found: {string.Join("; ", Events.Select(e => $"{e.Code.Code} {e.Source?.Name}->{e.Target?.Name} '{e.Summary}'"))}");
}
