using System.Diagnostics;
using System.Globalization;
using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Linguistics.Names.Corpora;
using IraqCoalition.Core.Linguistics.Parsing;
using IraqCoalition.Core.Linguistics.Tagging;

namespace IraqCoalition.Cli.Commands;

/// <summary>
/// <c>train tagger|parser|ner --train FILE... [--dev FILE] --out FILE [--epochs N] [--seed N] [--limit N]</c>
/// (ner: see <see cref="TrainNer"/>):
/// trains a model of the linguistic layer from CoNLL-U (tagger, parser) or BIO files (names),
/// printing the dev figure after each epoch. Seeded, so the same command writes the same model.
/// </summary>
public static class TrainCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Length == 0)
        {
            throw new UsageException("usage: train tagger|parser|ner --train FILE... [--dev FILE] [--test FILE...] [--tagger FILE] --out FILE [--epochs N] [--seed N] [--limit N]");
        }

        var args = Args.Parse(argv[1..], ["--train", "--dev", "--test", "--out", "--epochs", "--seed", "--limit", "--tagger", "--jackknife", "--min-weight", "--dictionaries", "--gazetteers", "--write-bio", "--show", "--training-tagger"]);
        var train = args.GetAll("--train");
        var output = args.Get("--out") ?? throw new UsageException("--out FILE is required");
        if (train.Count == 0)
        {
            throw new UsageException("--train FILE is required (may repeat)");
        }

        foreach (var f in train.Append(args.Get("--dev")).Concat(args.GetAll("--test")).OfType<string>())
        {
            if (!(argv[0] == "ner" ? NerCorpus.Exists(f) : File.Exists(f)))
            {
                stderr.WriteLine($"error: {f}: no such file");
                return CliApp.BadInput;
            }
        }

        var epochs = PositiveInt(args, "--epochs", 10);
        var seed = PositiveInt(args, "--seed", 1);
        var limit = PositiveInt(args, "--limit", int.MaxValue);
        return argv[0] switch
        {
            "tagger" => TrainTagger(train, args.Get("--dev"), args.Get("--test"), output, epochs, seed, limit, stdout),
            "parser" => TrainParser(train, args.Get("--dev"), args.Get("--test"), output, epochs, seed, limit, args, stdout),
            "ner" => TrainNer.Run(train, args, output, epochs, seed, limit, stdout),
            _ => throw new UsageException($"unknown model '{argv[0]}' (tagger, parser or ner)"),
        };
    }

    internal static List<ConlluSentence> ReadConllu(IEnumerable<string> files, int limit) =>
        files.SelectMany(ConlluReader.ReadFile).Take(limit).ToList();

    private static int TrainTagger(IReadOnlyList<string> train, string? dev, string? test, string output, int epochs, int seed, int limit, TextWriter stdout)
    {
        var sentences = ReadConllu(train, limit);
        var devSet = dev is null ? null : ReadConllu([dev], int.MaxValue);
        stdout.WriteLine($"tagger: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words, {epochs} epochs, seed {seed}");
        var clock = Stopwatch.StartNew();
        var tagger = PosTaggerTrainer.Train(sentences, epochs, seed, (epoch, t) =>
        {
            if (devSet is not null)
            {
                var (upos, xpos, lemma) = PosTaggerTrainer.Evaluate(t, devSet);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch}: dev UPOS {upos:F2}  XPOS {xpos:F2}  lemma {lemma:F2}  ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        });
        tagger.Save(output);
        stdout.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024:N0} KB, {tagger.FeatureCount:N0} features) in {clock.Elapsed.TotalSeconds:F1} s");
        if (test is not null)
        {
            var (upos, xpos, lemma) = PosTaggerTrainer.Evaluate(tagger, ReadConllu([test], int.MaxValue));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test {Path.GetFileName(test)}: UPOS {upos:F2}  XPOS {xpos:F2}  lemma {lemma:F2}"));
        }
        return CliApp.Ok;
    }

    private static int TrainParser(IReadOnlyList<string> train, string? dev, string? test, string output, int epochs, int seed, int limit, Args args, TextWriter stdout)
    {
        var taggerPath = args.Get("--tagger") ?? throw new UsageException("train parser needs --tagger FILE (the parser learns from predicted tags)");
        var folds = PositiveInt(args, "--jackknife", 4);
        var minWeight = args.Get("--min-weight") is { } mw
            ? float.TryParse(mw, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 0 ? m : throw new UsageException($"--min-weight '{mw}' is not a non-negative number")
            : 1e-3f;
        var tagger = PosTagger.Load(taggerPath);
        var sentences = ReadConllu(train, limit);
        stdout.WriteLine($"parser: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words, {epochs} epochs, seed {seed}");
        var clock = Stopwatch.StartNew();

        // Tags for training come from taggers that did not see the sentence (jackknifing), so the
        // parser learns to live with the tagger's real mistakes.
        var trainTags = folds > 1 ? Jackknife(sentences, folds, seed, stdout) : sentences.Select(s => PredictedTagKeys(tagger, s)).ToList();
        stdout.WriteLine($"  training tags ready ({clock.Elapsed.TotalSeconds:F0} s)");
        var devSet = dev is null ? null : ReadConllu([dev], int.MaxValue);
        var devTags = devSet?.Select(s => PredictedTagKeys(tagger, s)).ToList();
        var parser = DependencyParserTrainer.Train(sentences, trainTags, epochs, seed, (epoch, p) =>
        {
            if (devSet is not null)
            {
                var (uas, las) = DependencyParserTrainer.Evaluate(p, devSet, devTags!);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch}: dev UAS {uas:F2}  LAS {las:F2}  ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }, minWeight);
        parser.Save(output);
        stdout.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024:N0} KB, {parser.FeatureCount:N0} features) in {clock.Elapsed.TotalSeconds:F1} s");
        if (test is not null)
        {
            var testSet = ReadConllu([test], int.MaxValue);
            var (uas, las) = DependencyParserTrainer.Evaluate(parser, testSet, testSet.Select(s => PredictedTagKeys(tagger, s)).ToList());
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test {Path.GetFileName(test)} (predicted tags): UAS {uas:F2}  LAS {las:F2}"));
        }

        return CliApp.Ok;
    }

    private static List<ulong[]> Jackknife(List<ConlluSentence> sentences, int folds, int seed, TextWriter stdout)
    {
        var result = new ulong[sentences.Count][];
        for (var k = 0; k < folds; k++)
        {
            var rest = sentences.Where((_, i) => i % folds != k).ToList();
            var t = PosTaggerTrainer.Train(rest, epochs: 5, seed + k);
            for (var i = k; i < sentences.Count; i += folds)
            {
                result[i] = PredictedTagKeys(t, sentences[i]);
            }

            stdout.WriteLine($"  jackknife fold {k + 1}/{folds} tagged");
        }

        return [.. result];
    }

    internal static ulong[] PredictedTagKeys(PosTagger tagger, ConlluSentence s)
    {
        var (text, spans) = TokenLayout.Of(s.Words);
        var tags = new int[spans.Length];
        tagger.Tag(text, spans, tags);
        return [.. tags.Select(t => DependencyParser.TagKey(tagger.Tags[t]))];
    }

    private static int PositiveInt(Args args, string name, int fallback)
    {
        var v = args.Get(name);
        if (v is null)
        {
            return fallback;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"{name} '{v}' is not a positive whole number");
    }
}
