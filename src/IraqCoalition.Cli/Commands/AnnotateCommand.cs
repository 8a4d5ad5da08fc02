using IraqCoalition.Core.Annotation;
using IraqCoalition.Core.Articles;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Linguistics;
using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>annotate FILE... [--conllu-input] [--out FILE]</c>: prints the document's linguistic layers as
/// CoNLL-U. From raw text every stage runs (segmenter, words, tagger, parser); with
/// <c>--conllu-input</c> the treebank's own words are kept and only re-tagged and re-parsed, so the
/// two CoNLL 2018 figures (raw text, gold tokens) come from one command.
/// </summary>
public static class AnnotateCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, ["--out"], ["--conllu-input"]);
        if (args.Positional.Count == 0)
        {
            throw new UsageException("annotate needs at least one FILE");
        }

        var outPath = args.Get("--out");
        using var file = outPath is null ? null : new StreamWriter(outPath);
        var w = file ?? stdout;
        var exit = CliApp.Ok;
        var pipeline = new ExtractionPipeline();
        var models = LinguisticModels.Default;
        var treebank = new AnnotationPipeline([new TaggerAnnotator(models.Tagger), new ParserAnnotator(models.Parser)], Layer.Words);
        foreach (var path in args.Positional)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (args.Has("--conllu-input"))
            {
                if (!File.Exists(path))
                {
                    stderr.WriteLine($"error: {path}: file not found");
                    exit = CliApp.BadInput;
                    continue;
                }

                List<ConlluSentence> sentences;
                try
                {
                    sentences = [.. ConlluReader.ReadFile(path)];
                }
                catch (InvalidDataException ex)
                {
                    stderr.WriteLine($"error: {ex.Message}");
                    exit = CliApp.BadInput;
                    continue;
                }

                var (doc, forms) = FromTreebank(sentences);
                treebank.Run(doc);
                ConlluWriter.Write(w, doc, name, forms);
                continue;
            }

            Article article;
            try
            {
                article = ArticleReader.ReadFile(path);
            }
            catch (ArticleReadException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                exit = CliApp.BadInput;
                continue;
            }

            ConlluWriter.Write(w, pipeline.Annotate(article), name);
        }

        return exit;
    }

    /// <summary>A document whose words are the treebank's: forms joined by spaces, a sentence a line.</summary>
    internal static (AnnotatedDocument Doc, List<string> Forms) FromTreebank(IReadOnlyList<ConlluSentence> sentences)
    {
        var sb = new System.Text.StringBuilder();
        var spans = new List<Span>();
        var forms = new List<string>();
        var starts = new int[sentences.Count + 1];
        for (var s = 0; s < sentences.Count; s++)
        {
            starts[s] = spans.Count;
            foreach (var word in sentences[s].Words)
            {
                // A form may contain a space ("3 1/2"); it stays one word, as the treebank has it.
                var start = sb.Length;
                sb.Append(word.Form);
                spans.Add(new Span(start, sb.Length));
                forms.Add(word.Form);
                sb.Append(' ');
            }

            sb.Append('\n');
        }

        starts[^1] = spans.Count;
        var doc = new AnnotatedDocument(sb.ToString(), new DateOnly(2020, 1, 1)) { Words = new WordLayer([.. spans], starts) };
        return (doc, forms);
    }
}
