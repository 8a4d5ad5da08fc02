using IraqCoalition.Core.Annotation;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Core.Tests.Linguistics;

public sealed class AnnotationPipelineTests
{
    private sealed class Stage(string name, Layer requires, Layer produces, List<string>? log = null) : IAnnotator
    {
        public string Name => name;

        public Layer Requires => requires;

        public Layer Produces => produces;

        public void Annotate(AnnotatedDocument document) => log?.Add(name);
    }

    [Fact]
    public void Runs_stages_in_an_order_that_satisfies_their_needs()
    {
        var log = new List<string>();
        var pipeline = new AnnotationPipeline(
        [
            new Stage("parser", Layer.Words | Layer.Tags, Layer.Dependencies, log),
            new Stage("tagger", Layer.Words, Layer.Tags, log),
            new Stage("words", Layer.Segments, Layer.Words, log),
            new Stage("segment", Layer.None, Layer.Segments, log),
        ]);
        pipeline.Run(new AnnotatedDocument("x", new DateOnly(2020, 1, 3)));
        Assert.Equal(["segment", "words", "tagger", "parser"], log);
    }

    [Fact]
    public void A_layer_nobody_produces_is_refused_when_the_pipeline_is_built()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new AnnotationPipeline([new Stage("parser", Layer.Tags, Layer.Dependencies)]));
        Assert.Contains("Tags", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_producers_of_one_layer_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new AnnotationPipeline(
            [new Stage("a", Layer.None, Layer.Segments), new Stage("b", Layer.None, Layer.Segments)]));
    }

    [Fact]
    public void A_layer_is_written_once_and_cannot_be_read_before_it_exists()
    {
        var doc = new AnnotatedDocument("Iraq", new DateOnly(2020, 1, 3));
        Assert.Throws<InvalidOperationException>(() => doc.Words);
        doc.Words = new WordLayer([new Core.Text.Span(0, 4)], [0, 1]);
        Assert.Throws<InvalidOperationException>(() => doc.Words = new WordLayer([], [0]));
        Assert.True(doc.Has(Layer.Words));
    }

    [Fact]
    public void The_extraction_pipeline_fills_every_layer_with_one_tree_per_sentence()
    {
        var pipeline = new ExtractionPipeline();
        var article = new Article
        {
            Body = "BAGHDAD — Iraq’s parliament voted on Sunday to expel U.S. troops.\n\nRussia said it was ready to help Iraq.",
            Published = new DateOnly(2020, 1, 6),
        };
        var doc = pipeline.Annotate(article);
        Assert.Equal(Layer.Segments | Layer.Words | Layer.Tags | Layer.Dependencies | Layer.Entities | Layer.Timexes | Layer.Actors | Layer.Statements | Layer.Events, doc.Present);
        var words = doc.Words;
        for (var s = 0; s < words.SentenceCount; s++)
        {
            var roots = Enumerable.Range(words.SentenceStart[s], words.SentenceStart[s + 1] - words.SentenceStart[s]).Count(i => doc.Dependencies.Heads[i] < 0);
            Assert.Equal(1, roots);
        }

        var said = Array.FindIndex(doc.Tags.Lemmas, l => l == "say");
        Assert.True(said >= 0);
        Assert.Equal("VERB", doc.Tags.Upos[said]);
        var subject = Assert.Single(doc.Dependencies.Dependents(said, "nsubj", words));
        Assert.Equal("Russia", words.Spans[subject].Slice(doc.Text));
        Assert.Contains(doc.Entities, e => e.Span.Slice(doc.Text) == "Russia" && e.Type == EntityTypes.Location);
    }
}
