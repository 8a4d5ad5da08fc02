using System.Diagnostics;
using System.Globalization;
using IraqCoalition.Core.Linguistics.Names;
using IraqCoalition.Core.Linguistics.Names.Corpora;
using IraqCoalition.Core.Linguistics.Tagging;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>train ner --train CORPUS... [--dev CORPUS] [--test CORPUS...] --tagger FILE --out FILE [--epochs N] [--seed N]
/// [--dictionaries DIR] [--gazetteers DIR] [--write-bio FILE] [--show N] [--training-tagger FILE]</c>: a CORPUS is a GUM .conllu file, a re3d folder or a CoNLL
/// BIO file, optionally with <c>@train</c> / <c>@test</c> for the document split of corpora that have
/// none (<see cref="NerCorpus"/>). Prints exact-span F1 on dev after each epoch and per-type P/R/F1 on
/// each test corpus, with the recogniser's time per token. <c>--write-bio</c> also writes the converted
/// training sentences as one BIO file; <c>--show N</c> prints gold and found names of the first N test sentences;
/// <c>--training-tagger</c> tags the .conllu training corpora with another tagger (one that was not trained on them).
/// </summary>
public static class TrainNer
{
    public static int Run(IReadOnlyList<string> train, Args args, string output, int epochs, int seed, int limit, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(args);
        var taggerPath = args.Get("--tagger") ?? throw new UsageException("train ner needs --tagger FILE (names are learnt from predicted tags)");
        var tagger = PosTagger.Load(taggerPath);
        var clock = Stopwatch.StartNew();
        var gazetteer = GazetteerSources.Build(args.Get("--dictionaries") ?? "data/dictionaries", args.Get("--gazetteers") ?? "data/gazetteers");
        var parts = train.Select(NerCorpus.Read).ToList();
        var sentences = parts.SelectMany(p => p).Take(limit).ToList();

        // Treebank corpora (.conllu) are what the shipped tagger was trained on: with --training-tagger,
        // their training tags come from a tagger that did not see them.
        var trainingTagger = args.Get("--training-tagger") is { } tt ? PosTagger.Load(tt) : null;
        var fromTreebank = new bool[sentences.Count];
        var at = 0;
        for (var k = 0; k < parts.Count && at < sentences.Count; k++)
        {
            var treebank = NerCorpus.Parse(train[k]).Path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase);
            for (var i = 0; i < parts[k].Count && at < sentences.Count; i++)
            {
                fromTreebank[at++] = treebank;
            }
        }

        stdout.WriteLine($"ner: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words, {sentences.Sum(s => s.Names.Count):N0} names, "
            + $"gazetteer {gazetteer.Count:N0} n-grams, {epochs} epochs, seed {seed}");
        if (args.Get("--write-bio") is { } bio)
        {
            // The converted corpora in one BIO file, to read what the converters made of them.
            using var w = new StreamWriter(bio);
            foreach (var s in sentences)
            {
                s.WriteBio(w);
            }
        }

        var dev = args.Get("--dev");
        var devSet = dev is null ? null : NerCorpus.Read(dev);
        Func<int, PosTagger>? taggerFor = trainingTagger is null ? null : i => fromTreebank[i] ? trainingTagger : tagger;
        var recognizer = NameRecognizerTrainer.Train(sentences, tagger, gazetteer, epochs, seed, (epoch, r) =>
        {
            if (devSet is not null)
            {
                var e = NameRecognizerTrainer.Evaluate(r, tagger, devSet);
                var (p, rc, f) = e.Score();
                stdout.WriteLine(Inv($"  epoch {epoch}: dev P {p:F3} R {rc:F3} F1 {f:F3} (PER, ORG, LOC)  ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }, taggerFor);
        recognizer.Save(output);
        stdout.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024:N0} KB, {recognizer.FeatureCount:N0} features) in {clock.Elapsed.TotalSeconds:F1} s");
        var load = Stopwatch.StartNew();
        recognizer = NameRecognizer.Load(output, tagger);
        stdout.WriteLine(Inv($"  loads in {load.Elapsed.TotalMilliseconds:F0} ms; the test figures below are of the model as loaded"));
        foreach (var test in args.GetAll("--test"))
        {
            var e = NameRecognizerTrainer.Evaluate(recognizer, tagger, NerCorpus.Read(test));
            stdout.WriteLine($"test {test}:");
            foreach (var t in Enum.GetValues<NameType>())
            {
                var (p, r, f) = e.Score(t);
                stdout.WriteLine(Inv($"  {NameTypes.Code(t),-5} P {p:F3}  R {r:F3}  F1 {f:F3}  ({e.Gold(t)} gold)"));
            }

            if (args.Get("--show") is { } show)
            {
                foreach (var s in NerCorpus.Read(test).Take(int.Parse(show, CultureInfo.InvariantCulture)).Where(s => s.Names.Count > 0))
                {
                    var (text, spans) = s.Layout();
                    var tags = new int[spans.Length];
                    tagger.Tag(text, spans, tags);
                    var found = new List<NameSpan>();
                    recognizer.Recognize(text, spans, tags, found);
                    string Show(IEnumerable<NameSpan> ns) => string.Join(" | ", ns.Select(n => NameTypes.Code(n.Type) + ":" + string.Join(' ', s.Words.Skip(n.Start).Take(n.Length))));
                    stdout.WriteLine("G " + Show(s.Names));
                    stdout.WriteLine("P " + Show(found));
                }
            }

            var (mp, mr, mf) = e.Score();
            stdout.WriteLine(Inv($"  PER+ORG+LOC exact-span P {mp:F3}  R {mr:F3}  F1 {mf:F3};  {e.NanosecondsPerToken:F0} ns/token processor time (tagger: {e.TaggerNanosecondsPerToken:F0})"));
            stdout.WriteLine(Inv($"  (span only, type not checked: F1 {e.SpanOnly().F1:F3})"));
        }

        return CliApp.Ok;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
