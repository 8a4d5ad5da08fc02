using IraqCoalition.Core.Linguistics.Names;

namespace IraqCoalition.Core.Tests.Linguistics.Names;

public class BilouTests
{
    [Fact]
    public void Encode_then_decode_gives_the_names_back()
    {
        NameSpan[] names = [new(0, 1, NameType.Person), new(2, 5, NameType.Organization), new(5, 7, NameType.Location)];
        var tags = new int[8];
        Bilou.Encode(names, tags);
        Assert.Equal(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC", "O"], tags.Select(Bilou.Name));
        Assert.True(Bilou.IsValid(tags));
        var back = new List<NameSpan>();
        Bilou.Decode(tags, back);
        Assert.Equal(names, back);
    }

    [Theory]
    [InlineData("B-PER O")]
    [InlineData("I-PER L-PER")]
    [InlineData("B-PER L-ORG")]
    [InlineData("L-LOC")]
    [InlineData("O B-LOC")]
    [InlineData("U-PER I-PER L-PER")]
    public void Broken_sequences_are_invalid(string sequence) => Assert.False(Bilou.IsValid(Parse(sequence)));

    [Fact]
    public void Constrained_choice_never_leaves_a_name_open()
    {
        // Whatever the scores, the best allowed tag at each step keeps the sequence valid.
        var rng = new Random(7);
        var scores = new float[Bilou.Classes];
        for (var trial = 0; trial < 2000; trial++)
        {
            var n = rng.Next(1, 8);
            var tags = new int[n];
            var previous = Bilou.Outside;
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < scores.Length; c++)
                {
                    scores[c] = (float)rng.NextDouble();
                }

                tags[i] = previous = NameRecognizer.Best(scores, previous, i == n - 1);
            }

            Assert.True(Bilou.IsValid(tags), string.Join(' ', tags.Select(Bilou.Name)));
        }
    }

    private static int[] Parse(string sequence) =>
        [.. sequence.Split(' ').Select(s => Enumerable.Range(0, Bilou.Classes).First(t => Bilou.Name(t) == s))];
}
