using System.Data;
using Npgsql;

namespace IraqCoalition.Data.Search;

/// <summary>
/// The full-text SQL of each engine, in one place: SQLite's FTS5 tables (Migrations/Sqlite/0003,
/// 0004, 0011) and PostgreSQL's tsvector columns with GIN indexes (Migrations/Postgres/0012), over the
/// same rows. Both read what the user typed as <see cref="SearchTerms.Words"/>, every word a prefix,
/// all words required, case and accents ignored; docs/postgresql.md says where the two tokenizers
/// still split words differently.
/// </summary>
internal abstract class FullText
{
    public static FullText Sqlite { get; } = new Fts5();

    public static FullText Postgres { get; } = new TsVector();

    public static FullText Of(IDbConnection c) => c is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>The engine's query for the words of <paramref name="text"/>, as a parameter value; null when there are none.</summary>
    public abstract string? Query(string? text);

    /// <summary>A predicate on search_index rows: they hold every word of the query in <paramref name="parameter"/>.</summary>
    public abstract string SearchMatch(string parameter);

    /// <summary>search_index's relevance, best first when sorted ascending.</summary>
    public abstract string SearchRank(string parameter);

    /// <summary>Ids of the events whose label, summary or evidence hold the words.</summary>
    public abstract string EventsWithWords(string parameter);

    /// <summary>Ids of the actors whose name, title, role, country or aliases hold the words.</summary>
    public abstract string ActorsNamed(string parameter);

    /// <summary>Whether free text with filters can be answered by the event_search facets index (SQLite only).</summary>
    public abstract bool HasEventFacets { get; }

    private sealed class Fts5 : FullText
    {
        public override string? Query(string? text)
        {
            var words = SearchTerms.Words(text);
            return words.Count == 0 ? null : string.Join(' ', words.Select(w => "\"" + w + "\"*"));
        }

        public override string SearchMatch(string parameter) => $"search_index MATCH {parameter}";

        public override string SearchRank(string parameter) => "rank";

        // rowid = id * 4 + kind (Migrations/Sqlite/0003): arithmetic on rowid reads only the FTS doclists.
        public override string EventsWithWords(string parameter) =>
            $"SELECT rowid / 4 FROM search_index WHERE search_index MATCH {parameter} AND rowid % 4 = 2";

        public override string ActorsNamed(string parameter) => $"SELECT rowid FROM actor_names WHERE actor_names MATCH {parameter}";

        public override bool HasEventFacets => true;
    }

    private sealed class TsVector : FullText
    {
        /// <summary>
        /// Every word a quoted prefix lexeme, all required: <c>'baghdad':* &amp; 'embass':*</c>. Words
        /// are letters and digits only, folded here as the iqc_words configuration folds the text
        /// (lower case, accents removed), so no input can be read as tsquery syntax.
        /// </summary>
        public override string? Query(string? text)
        {
            var words = SearchTerms.Words(text).Select(SearchTerms.Fold).Where(w => w.Length > 0).ToList();
            return words.Count == 0 ? null : string.Join(" & ", words.Select(w => "'" + w + "':*"));
        }

        public override string SearchMatch(string parameter) => $"tsv @@ to_tsquery('iqc_words', {parameter})";

        public override string SearchRank(string parameter) => $"-ts_rank(tsv, to_tsquery('iqc_words', {parameter}))::float8";

        public override string EventsWithWords(string parameter) =>
            $"SELECT id FROM events WHERE search_tsv @@ to_tsquery('iqc_words', {parameter})";

        public override string ActorsNamed(string parameter) =>
            $"SELECT actor_id FROM actor_names WHERE tsv @@ to_tsquery('iqc_words', {parameter})";

        public override bool HasEventFacets => false;
    }
}
