using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Learning;

namespace IraqCoalition.Core.Tests.Linguistics;

public sealed class ConlluEvaluatorTests
{
    private const string Gold = """
        # text = They don't vote.
        1	They	they	PRON	PRP	_	3	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	vote	vote	VERB	VB	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_

        """;

    [Fact]
    public void Identical_files_score_100_and_multiword_tokens_align_by_their_words()
    {
        var gold = ConlluReader.Read(new StringReader(Gold)).ToList();
        var system = ConlluReader.Read(new StringReader(Gold.Replace("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n", "", StringComparison.Ordinal))).ToList();
        var s = ConlluEvaluator.Score(gold, system);
        Assert.Equal(100.0, s.Words.F1, 6);
        Assert.Equal(100.0, s.Las.F1, 6);
    }

    [Fact]
    public void A_wrong_head_lowers_attachment_and_a_wrong_subtype_does_not_lower_las()
    {
        var gold = ConlluReader.Read(new StringReader(Gold)).ToList();
        var wrong = Gold.Replace("5\t.\t.\tPUNCT\t.\t_\t4\tpunct", "5\t.\t.\tPUNCT\t.\t_\t1\tpunct", StringComparison.Ordinal)
            .Replace("1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj", "1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj:pass", StringComparison.Ordinal);
        var s = ConlluEvaluator.Score(gold, ConlluReader.Read(new StringReader(wrong)).ToList());
        Assert.Equal(80.0, s.Uas.F1, 6);
        Assert.Equal(80.0, s.Las.F1, 6);
    }

    [Fact]
    public void Different_texts_are_refused_with_the_place_they_differ()
    {
        var gold = ConlluReader.Read(new StringReader(Gold)).ToList();
        var other = ConlluReader.Read(new StringReader(Gold.Replace("vote", "veto", StringComparison.Ordinal))).ToList();
        var ex = Assert.Throws<InvalidDataException>(() => ConlluEvaluator.Score(gold, other));
        Assert.Contains("differs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_joined_key_equals_the_key_of_the_joined_string()
    {
        Assert.Equal(FeatureHash.Of("PROPN\tNNP"), FeatureHash.Of("PROPN", '\t', "NNP"));
        Assert.NotEqual(FeatureHash.Of("PROPN\tNNP"), FeatureHash.Of("PROPN", '\t', "NN"));
    }
}
