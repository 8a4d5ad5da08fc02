using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Core.Actors;

internal sealed partial class RecognitionRun
{
    /// <summary>
    /// "Finance Minister Ali Allawi ... Allawi met the governor": the bare surname is the person the
    /// article named, not a better-known namesake whose dictionary entry lists the surname as an alias.
    /// A curated person mentioned only by that bare surname gives the mentions to the person of the
    /// article named in full with it (the nearest such name before each mention), and drops out.
    /// </summary>
    private void YieldBareSurnames()
    {
        foreach (var curated in actors.Values.Where(b => b.FromDictionary && b.Entity.Kind == ActorKinds.Person && b.Mentions.Count > 0).ToList())
        {
            var surname = LastWord(curated.Entity.Name);
            if (surname is null || !curated.Mentions.All(m => m.Type == MentionType.Name && string.Equals(m.Text, surname, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // Full-name mentions ("Ali Allawi") of other people who carry this surname.
            var named = actors.Values
                .Where(b => b != curated && b.Entity.Kind == ActorKinds.Person && b.Surnames.Contains(surname.ToLowerInvariant()))
                .SelectMany(b => b.Mentions.Where(m => m.Type == MentionType.Name && m.Text.Contains(' ', StringComparison.Ordinal)).Select(m => (Builder: b, m.Span.Start)))
                .OrderBy(x => x.Start)
                .ToList();
            if (named.Count == 0)
            {
                continue;
            }

            foreach (var m in curated.Mentions.ToList())
            {
                var owner = named.LastOrDefault(x => x.Start < m.Span.Start).Builder ?? named[0].Builder;
                var moved = m with { Actor = owner.Entity };
                mentions[mentions.IndexOf(m)] = moved;
                owner.Mentions.Add(moved);
                curated.Mentions.Remove(m);
            }
        }
    }

    private static string? LastWord(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 ? words[^1] : null;
    }
}
