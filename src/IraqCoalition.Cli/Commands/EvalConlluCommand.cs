using System.Globalization;
using IraqCoalition.Core.Linguistics.Conllu;

namespace IraqCoalition.Cli.Commands;

/// <summary><c>eval-conllu GOLD SYSTEM</c>: CoNLL 2018 figures (words, sentences, UPOS, XPOS, lemmas, UAS, LAS) as F1.</summary>
public static class EvalConlluCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = Args.Parse(argv, []);
        if (args.Positional.Count != 2)
        {
            throw new UsageException("usage: eval-conllu GOLD.conllu SYSTEM.conllu");
        }

        foreach (var f in args.Positional)
        {
            if (!File.Exists(f))
            {
                stderr.WriteLine($"error: {f}: file not found");
                return CliApp.BadInput;
            }
        }

        ConlluScores s;
        try
        {
            s = ConlluEvaluator.Score([.. ConlluReader.ReadFile(args.Positional[0])], [.. ConlluReader.ReadFile(args.Positional[1])]);
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return CliApp.BadInput;
        }

        stdout.WriteLine("metric      precision  recall     F1");
        foreach (var (name, score) in new[] { ("Sentences", s.Sentences), ("Words", s.Words), ("UPOS", s.Upos), ("XPOS", s.Xpos), ("Lemmas", s.Lemmas), ("UAS", s.Uas), ("LAS", s.Las) })
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-11} {score.Precision,9:F2} {score.Recall,7:F2} {score.F1,6:F2}"));
        }

        return CliApp.Ok;
    }
}
