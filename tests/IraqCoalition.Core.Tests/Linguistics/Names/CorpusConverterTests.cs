using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Linguistics.Names;
using IraqCoalition.Core.Linguistics.Names.Corpora;

namespace IraqCoalition.Core.Tests.Linguistics.Names;

public class CorpusConverterTests
{
    // GUM's own example sentence (data/corpora/ud-english-gum-ccby/README.md), columns cut to what matters.
    private const string Gum = """
        # newdoc id = GUM_bio_padalecki
        1	In	in	ADP	IN	_	3	case	_	_
        2	April	April	PROPN	NNP	_	3	compound	_	Entity=(189-time-new-nnnnn-cf10-1-sgl
        3	2015	2015	NUM	CD	_	5	obl	_	Entity=189)
        4	,	,	PUNCT	,	_	5	punct	_	_
        5	Padalecki	Padalecki	PROPN	NNP	_	6	nsubj	_	Entity=(1-person-giv:act-sssss-cf2*-1-coref-Jared_Padalecki)
        6	partnered	partner	VERB	VBD	_	0	root	_	_
        7	with	with	ADP	IN	_	8	case	_	_
        8	co-star	co-star	NOUN	NN	_	6	obl	_	Entity=(97-person-giv:inact-nnnnn-cf4-1,3-coref-Jensen_Ackles
        9	Jensen	Jensen	PROPN	NNP	_	8	appos	_	_
        10	Ackles	Ackles	PROPN	NNP	_	9	flat	_	Entity=97)
        11	of	of	ADP	IN	_	14	case	_	_
        12	the	the	DET	DT	_	14	det	_	Entity=(5-organization-new-nnnnn-cf5-3-sgl
        13	Always	Always	ADV	NNP	_	14	compound	_	_
        14	Fund	Fund	PROPN	NNP	_	8	nmod	_	Entity=(6-place-new-nnnnn-cf6-1-sgl-Fund)5)
        15	for	for	ADP	IN	_	17	case	_	_
        16	the	the	DET	DT	_	17	det	_	Entity=(7-person-new-nnnnn-cf7-2-sgl
        17	Americans	Americans	PROPN	NNPS	_	14	nmod	_	Entity=7)
        18	and	and	CCONJ	CC	_	20	cc	_	_
        19	his	his	PRON	PRP$	_	20	nmod:poss	_	Entity=(2-person-giv:act-sssss-cf1-1-ana-Jared_Padalecki)
        20	fans	fan	NOUN	NNS	_	8	conj	_	_

        """;

    [Fact]
    public void Gum_mentions_with_a_proper_noun_head_become_names()
    {
        var s = GumEntities.Convert(ConlluReader.Read(new StringReader(Gum.Replace("\n        ", "\n", StringComparison.Ordinal).TrimStart()))).Single();
        var names = s.Names.Select(n => $"{NameTypes.Code(n.Type)}:{string.Join(' ', s.Words.Skip(n.Start).Take(n.Length))}");

        // The time mention is not a kind we keep; "co-star" (the root of its mention) is a common noun,
        // but "Jensen" is in apposition to it, and the name is the proper-noun run from there.
        // The organisation loses its article and keeps "Always" (NNP though ADV); the nested place is dropped;
        // the plural proper noun person is a group; the pronoun "his" is no name.
        Assert.Equal(["PER:Padalecki", "PER:Jensen Ackles", "ORG:Always Fund", "NORP:Americans"], names);
    }

    [Fact]
    public void Gum_mention_whose_root_is_a_common_noun_is_no_name_even_with_a_place_inside()
    {
        const string conllu = "1\tpresident\tpresident\tNOUN\tNN\t_\t0\troot\t_\tEntity=(1-person-new-nnnnn-cf1-1,3-pred\n"
            + "2\tin\tin\tADP\tIN\t_\t3\tcase\t_\t_\n"
            + "3\tCopenhagen\tCopenhagen\tPROPN\tNNP\t_\t1\tnmod\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl)1)\n\n";
        var s = GumEntities.Convert(ConlluReader.Read(new StringReader(conllu))).Single();
        Assert.Equal([new NameSpan(2, 3, NameType.Location)], s.Names);
    }

    [Fact]
    public void Gum_bracket_parser_reads_nested_and_single_token_mentions()
    {
        var words = ConlluReader.Read(new StringReader(Gum.Replace("\n        ", "\n", StringComparison.Ordinal).TrimStart())).Single().Words;
        var mentions = GumEntities.Mentions(words);
        Assert.Contains(new GumEntities.Mention(11, 14, "organization"), mentions);
        Assert.Contains(new GumEntities.Mention(13, 14, "place"), mentions);
        Assert.Contains(new GumEntities.Mention(7, 10, "person"), mentions);
        Assert.Equal(7, mentions.Count);
    }

    [Fact]
    public void Re3d_offsets_become_token_names_and_descriptions_do_not()
    {
        const string text = "The Kurdish YPG fought in Raqqa. U.S. service members were seen there.\n\nGen. Joseph Votel spoke in the camp.";
        (int, int, string)[] entities =
        [
            (0, 15, "Organisation"),    // "The Kurdish YPG": the article goes
            (4, 11, "Nationality"),     // nested in it: the longer name wins
            (26, 31, "Location"),       // Raqqa
            (33, 53, "Organisation"),   // "U.S. service members": a description holding a capital, so the sentence goes
            (77, 89, "Person"),         // Joseph Votel
            (99, 107, "Location"),      // "the camp": a description, simply no name
            (64, 69, "MilitaryPlatform"), // not a name type
        ];
        var sentences = Re3dReader.Convert(text, entities, document: 3);
        var bio = new StringWriter();
        foreach (var s in sentences)
        {
            s.WriteBio(bio);
        }

        Assert.Equal(2, sentences.Count);
        Assert.All(sentences, s => Assert.Equal(3, s.Document));
        var lines = bio.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["The\tO", "Kurdish\tB-ORG", "YPG\tI-ORG", "fought\tO", "in\tO", "Raqqa\tB-LOC", ".\tO"], lines[..7]);
        Assert.Contains("Joseph\tB-PER", lines);
        Assert.Contains("Votel\tI-PER", lines);
        Assert.Contains("camp\tO", lines);
    }

    [Fact]
    public void Bio_reader_takes_iob1_and_iob2_and_drops_misc()
    {
        const string text = "-DOCSTART- O\n\nJapanese I-MISC\nband O\nThe I-ORG\nMad I-ORG\nCapsule I-ORG\nmet B-PER\nBob I-PER\nSmith B-PER\n\n-DOCSTART- O\n\nIn\tO\nParis\tB-LOC\n";
        var s = BioReader.Read(new StringReader(text));
        Assert.Equal(2, s.Count);
        Assert.Equal([new NameSpan(2, 5, NameType.Organization), new NameSpan(5, 7, NameType.Person), new NameSpan(7, 8, NameType.Person)], s[0].Names);
        Assert.Equal([new NameSpan(1, 2, NameType.Location)], s[1].Names);
        Assert.Equal([0, 1], s.Select(x => x.Document));
    }

    [Fact]
    public void Held_out_part_is_every_fifth_document()
    {
        var path = RepoData.Path("corpora", "ner", "wikigold", "CONLL-format", "data", "wikigold.conll.txt");
        var all = NerCorpus.Read(path);
        var train = NerCorpus.Read(path + "@train");
        var test = NerCorpus.Read(path + "@test");
        Assert.Equal(all.Count, train.Count + test.Count);
        Assert.All(test, s => Assert.Equal(4, s.Document % 5));
        Assert.DoesNotContain(train, s => s.Document % 5 == 4);
    }
}
