using System.Diagnostics;

namespace IraqCoalition.Core.Annotation;

/// <summary>
/// Runs annotators in an order that satisfies what each requires. The order is checked once, when
/// the pipeline is built: a layer nobody produces, or two stages producing the same layer, is a
/// configuration error, not a wrong answer discovered on some article later.
/// </summary>
public sealed class AnnotationPipeline
{
    private readonly IAnnotator[] _stages;

    /// <param name="given">Layers the caller sets before running (gold words from a treebank, say).</param>
    public AnnotationPipeline(IEnumerable<IAnnotator> annotators, Layer given = Layer.None)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var pending = annotators.ToList();
        var produced = given;
        foreach (var a in pending)
        {
            if ((produced & a.Produces) != 0)
            {
                throw new InvalidOperationException($"two annotators produce {produced & a.Produces}; the second is '{a.Name}'");
            }

            produced |= a.Produces;
        }

        var ordered = new List<IAnnotator>(pending.Count);
        var available = given;
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(a => (a.Requires & ~available) == 0)
                ?? throw new InvalidOperationException(
                    $"'{pending[0].Name}' requires {pending[0].Requires & ~available}, which no annotator produces before it");
            ordered.Add(next);
            available |= next.Produces;
            pending.Remove(next);
        }

        _stages = [.. ordered];
    }

    public IReadOnlyList<IAnnotator> Stages => _stages;

    /// <summary>Runs every stage; <paramref name="timings"/>, when given, receives the time of each stage.</summary>
    public void Run(AnnotatedDocument document, Action<IAnnotator, TimeSpan>? timings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (timings is null)
            {
                stage.Annotate(document);
                continue;
            }

            var start = Stopwatch.GetTimestamp();
            stage.Annotate(document);
            timings(stage, Stopwatch.GetElapsedTime(start));
        }
    }
}
