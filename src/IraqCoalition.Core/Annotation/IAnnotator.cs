namespace IraqCoalition.Core.Annotation;

/// <summary>
/// One stage of the pipeline, in the manner of CoreNLP annotators and spaCy components: it reads
/// the layers it <see cref="Requires"/> and writes the ones it <see cref="Produces"/>, and keeps no
/// state between documents, so one instance serves every thread.
/// </summary>
public interface IAnnotator
{
    string Name { get; }

    Layer Requires { get; }

    Layer Produces { get; }

    void Annotate(AnnotatedDocument document);
}
