namespace IraqCoalition.Core.Annotation;

/// <summary>The layers of an <see cref="AnnotatedDocument"/>; each is written by exactly one annotator.</summary>
[Flags]
public enum Layer
{
    None = 0,

    /// <summary>Paragraphs, sentences, quotations and dateline (the segmenter's tokens with them).</summary>
    Segments = 1 << 0,

    /// <summary>Syntactic words: the segmenter's tokens split as the treebanks split them ("Iran" "'s", "do" "n't").</summary>
    Words = 1 << 1,

    /// <summary>UPOS, XPOS, lemma and morphological features per word.</summary>
    Tags = 1 << 2,

    /// <summary>Head and Universal Dependencies relation per word.</summary>
    Dependencies = 1 << 3,

    /// <summary>Named-entity spans over words (person, organisation, location, group).</summary>
    Entities = 1 << 4,

    Timexes = 1 << 5,

    /// <summary>Actor mentions and their coreference chains.</summary>
    Actors = 1 << 6,

    Statements = 1 << 7,

    Events = 1 << 8,
}
