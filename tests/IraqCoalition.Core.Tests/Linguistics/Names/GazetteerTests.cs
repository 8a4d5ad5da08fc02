using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Linguistics.Names;

namespace IraqCoalition.Core.Tests.Linguistics.Names;

public class GazetteerTests
{
    [Fact]
    public void Marks_the_bilou_position_of_the_longest_match_per_list()
    {
        var b = new Gazetteer.Builder();
        b.Add("Abu Bakr al-Baghdadi", GazetteerList.Person);
        b.Add("Baghdad", GazetteerList.Location);
        b.Add("New York", GazetteerList.Location);
        b.Add("New York Times", GazetteerList.Organization);
        var g = b.Build();
        var words = "Abu Bakr al-Baghdadi left Baghdad for the new york times".Split(' ');
        var marks = new int[words.Length];
        g.Mark(words.Select(w => FeatureHash.OfLower(w)).ToArray(), marks);

        string At(int i, GazetteerList l) => Gazetteer.PositionIn(marks[i], l) switch { 0 => "-", var p => "BILU"[p - 1].ToString() };
        Assert.Equal("BIL", At(0, GazetteerList.Person) + At(1, GazetteerList.Person) + At(2, GazetteerList.Person));
        Assert.Equal("U", At(4, GazetteerList.Location));
        Assert.Equal("BIL", At(7, GazetteerList.Organization) + At(8, GazetteerList.Organization) + At(9, GazetteerList.Organization));
        Assert.Equal("BL-", At(7, GazetteerList.Location) + At(8, GazetteerList.Location) + At(9, GazetteerList.Location));
        Assert.Equal("-", At(3, GazetteerList.Location));
    }

    [Fact]
    public void Sources_in_the_repository_give_countries_cities_people_and_groups()
    {
        var g = GazetteerSources.Build(RepoData.Path("dictionaries"), RepoData.Path("gazetteers"));
        int Mark(string text, GazetteerList l)
        {
            var words = text.Split(' ');
            var marks = new int[words.Length];
            g.Mark(words.Select(w => FeatureHash.OfLower(w)).ToArray(), marks);
            return Gazetteer.PositionIn(marks[0], l);
        }

        Assert.Equal(4, Mark("Athens", GazetteerList.Location));
        Assert.Equal(4, Mark("Iraq", GazetteerList.Location));
        Assert.Equal(4, Mark("Iraqi", GazetteerList.Group));
        Assert.Equal(1, Mark("Hezbollah", GazetteerList.Organization) is 4 ? 1 : Mark("United Nations", GazetteerList.Organization));
        Assert.Equal(1, Mark("Qasem Soleimani", GazetteerList.Person));
    }
}
