using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace IraqCoalition.Data.Storage;

/// <summary>What one table holds on both sides after a copy.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

public sealed record CopyReport(IReadOnlyList<CopiedTable> Tables)
{
    public bool Verified => Tables.All(t => t.Matches);

    public long Rows => Tables.Sum(t => t.TargetRows);
}

/// <summary>
/// Moves a whole database between engines (SQLite to PostgreSQL and back), so a team can start on
/// the embedded default and move up. The target is migrated to the source's schema and must be
/// empty; the rows go over table by table in foreign-key order in one transaction, with their ids;
/// what the target derives from them (search words, mention and article counts) is rebuilt by the
/// target itself; then every table is counted and checksummed on both sides.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// The tables that hold the record, parents before children. The search tables are not here: each
    /// engine derives its own (FTS5 tables, tsvector columns) from these. A migration that adds a table
    /// adds it here; <see cref="CopyAsync"/> refuses a schema with a table this list does not name.
    /// </summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "articles", "actors", "actor_aliases", "mentions", "statements", "event_clusters", "events", "timexes",
        "tags", "actor_tags", "users", "audit_log", "briefings", "briefing_scope", "briefing_items",
        "rejected_actor_names", "rejected_actor_keys",
    ];

    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal)
    {
        "schema_migrations", "search_index", "event_search", "actor_names",
    };

    private const int BatchRows = 10_000;

    public static async Task<CopyReport> CopyAsync(
        ConnectionFactory source, ConnectionFactory target,
        IProgress<(string Stage, long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var sourceSchema = (await new DatabaseMigrator(source).AppliedAsync(ct)).DefaultIfEmpty(0).Max();
        if (sourceSchema < DatabaseMigrator.Latest(source.Provider))
        {
            throw new InvalidOperationException($"The source {source.DataSource} is at schema {sourceSchema}, not {DatabaseMigrator.Latest(source.Provider)}: run `db migrate` on it first.");
        }

        await new DatabaseMigrator(target).MigrateAsync(ct);
        await using var from = await source.OpenAsync(ct);
        await using var to = await target.OpenAsync(ct);
        var unknown = (await TableNamesAsync(from)).Concat(await TableNamesAsync(to))
            .Where(t => !Derived.Contains(t) && !Tables.Contains(t)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Tables {string.Join(", ", unknown)} are not in DatabaseCopy.Tables: add them there in foreign-key order.");
        }

        foreach (var table in Tables)
        {
            if (await to.ExecuteScalarAsync<long>($"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1) AS any_row") > 0)
            {
                throw new InvalidOperationException($"The target {target.DataSource} is not empty (table {table} has rows): copy into a new database.");
            }
        }

        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            totals[table] = await from.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
        }

        await using (var tx = await to.BeginTransactionAsync(ct))
        {
            await BeforeLoadAsync(to, tx);
            foreach (var table in Tables)
            {
                var columns = await ColumnsAsync(to, table, tx);
                progress?.Report((table, 0, totals[table]));
                await CopyTableAsync(from, to, tx, table, columns, n => progress?.Report((table, n, totals[table])), ct);
            }

            progress?.Report(("derived tables", 0, 1));
            await AfterLoadAsync(to, tx);
            await tx.CommitAsync(ct);
            progress?.Report(("derived tables", 1, 1));
        }

        await to.ExecuteAsync(to is NpgsqlConnection ? "ANALYZE" : "ANALYZE;");
        var report = new List<CopiedTable>();
        foreach (var table in Tables)
        {
            progress?.Report(("verify " + table, 0, totals[table]));
            var columns = (await ColumnsAsync(to, table)).Select(c => c.Name).ToList();
            var (sourceRows, sourceSum) = await ChecksumAsync(from, table, columns, ct);
            var (targetRows, targetSum) = await ChecksumAsync(to, table, columns, ct);
            report.Add(new CopiedTable(table, sourceRows, targetRows, sourceSum, targetSum));
        }

        return new CopyReport(report);
    }

    private sealed record Column(string Name, string Type);

    private static async Task<List<string>> TableNamesAsync(DbConnection c) => (await c.QueryAsync<string>(c is NpgsqlConnection
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        // FTS5 tables and their shadow tables are derived; only ordinary tables are the record.
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_data' AND name NOT LIKE '%_idx' AND name NOT LIKE '%_docsize' AND name NOT LIKE '%_config' AND name NOT LIKE '%_content'"))
        .ToList();

    /// <summary>The target's stored columns (generated ones are computed by the target).</summary>
    private static async Task<List<Column>> ColumnsAsync(DbConnection c, string table, DbTransaction? tx = null) => (await c.QueryAsync<Column>(c is NpgsqlConnection
        ? "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' ORDER BY ordinal_position"
        : "SELECT name, type FROM pragma_table_xinfo(@table) WHERE hidden = 0 ORDER BY cid", new { table }, tx)).ToList();

    private static async Task BeforeLoadAsync(DbConnection to, DbTransaction tx)
    {
        if (to is NpgsqlConnection)
        {
            // Owner-level switch (not superuser-only session_replication_role): the row triggers would
            // index and count row by row what AfterLoadAsync derives in a few set-based statements;
            // foreign keys stay checked.
            foreach (var table in Tables)
            {
                await to.ExecuteAsync($"ALTER TABLE {table} DISABLE TRIGGER USER", transaction: tx);
            }
        }
        else
        {
            // Self-references (actors merged into a later actor) are checked at commit.
            await to.ExecuteAsync("PRAGMA defer_foreign_keys = ON;", transaction: tx);
        }
    }

    private static async Task AfterLoadAsync(DbConnection to, DbTransaction tx)
    {
        // Counts the triggers keep are recomputed rather than trusted from either side's copy.
        const string counts = """
            UPDATE actors SET
                mention_count = (SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id),
                article_count = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = actors.id)
            """;
        await to.ExecuteAsync(counts, transaction: tx);
        if (to is not NpgsqlConnection)
        {
            return;
        }

        // The rows the search triggers of Migrations/Postgres/0012_baseline.sql write, set-based.
        await to.ExecuteAsync("""
            INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
            SELECT id * 4, 'article', id, id, coalesce(title, ''), body FROM articles;
            INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
            SELECT s.id * 4 + 1, 'statement', s.id, s.article_id, coalesce(a.name, ''), s.text
            FROM statements s LEFT JOIN actors a ON a.id = s.speaker_actor_id;
            INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
            SELECT id * 4 + 2, 'event', id, article_id, label, coalesce(summary, '') || ' ' || evidence_text FROM events;
            WITH words AS (
                SELECT a.id, a.name, coalesce(a.title, '') || ' ' || coalesce(a.role, '') || ' ' || coalesce(a.country, '')
                       || coalesce(' ' || (SELECT string_agg(alias, ' ') FROM actor_aliases al WHERE al.actor_id = a.id), '') AS words
                FROM actors a)
            INSERT INTO search_index (rowid, kind, ref_id, article_id, title, body)
            SELECT id * 4 + 3, 'actor', id, NULL, name, words FROM words;
            INSERT INTO actor_names (actor_id, text)
            SELECT ref_id, title || ' ' || body FROM search_index WHERE kind = 'actor';
            """, transaction: tx);
        foreach (var table in Tables)
        {
            await to.ExecuteAsync($"ALTER TABLE {table} ENABLE TRIGGER USER", transaction: tx);
            if (!(await ColumnsAsync(to, table, tx)).Any(c => c.Name == "id"))
            {
                continue;
            }

            // Identity columns continue after the copied ids, not from 1.
            await to.ExecuteAsync($"""
                SELECT setval(s, coalesce((SELECT max(id) FROM {table}), 0) + 1, false)
                FROM pg_get_serial_sequence('{table}', 'id') AS s WHERE s IS NOT NULL
                """, transaction: tx);
        }
    }

    private static async Task CopyTableAsync(
        DbConnection from, DbConnection to, DbTransaction tx, string table, List<Column> columns, Action<long> progress, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(c => c.Name));
        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {list} FROM {table}";
        await using var reader = await read.ExecuteReaderAsync(ct);
        long n = 0;
        if (to is NpgsqlConnection pg)
        {
            var types = columns.Select(c => PostgresType(c.Type)).ToArray();
            await using var importer = await pg.BeginBinaryImportAsync($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)", ct);
            while (await reader.ReadAsync(ct))
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await WriteAsync(importer, reader.GetValue(i), types[i], ct);
                    }
                }

                if (++n % BatchRows == 0)
                {
                    progress(n);
                }
            }

            await importer.CompleteAsync(ct);
        }
        else
        {
            await using var insert = (SqliteCommand)to.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx;
            insert.CommandText = $"INSERT INTO {table} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : reader.GetValue(i);
                }

                await insert.ExecuteNonQueryAsync(ct);
                if (++n % BatchRows == 0)
                {
                    progress(n);
                }
            }
        }

        progress(n);
    }

    private static NpgsqlDbType PostgresType(string type) => type switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "double precision" => NpgsqlDbType.Double,
        "text" => NpgsqlDbType.Text,
        "bytea" => NpgsqlDbType.Bytea,
        _ => throw new NotSupportedException($"DatabaseCopy does not move PostgreSQL columns of type {type}."),
    };

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object value, NpgsqlDbType type, CancellationToken ct) => type switch
    {
        NpgsqlDbType.Bigint => importer.WriteAsync(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), type, ct),
        NpgsqlDbType.Integer => importer.WriteAsync(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), type, ct),
        NpgsqlDbType.Double => importer.WriteAsync(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), type, ct),
        NpgsqlDbType.Bytea => importer.WriteAsync((byte[])value, type, ct),
        _ => importer.WriteAsync(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, type, ct),
    };

    /// <summary>
    /// Row count and an order-independent digest of a table's values as the application reads them
    /// (64-bit integers, doubles by their bits, text by its characters), so the same rows give the
    /// same digest on both engines.
    /// </summary>
    private static async Task<(long Rows, string Digest)> ChecksumAsync(DbConnection c, string table, List<string> columns, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        ulong sum = 0;
        long rows = 0;
        var row = new StringBuilder();
        var hash = new byte[32];
        while (await reader.ReadAsync(ct))
        {
            row.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                row.Append(reader.IsDBNull(i) ? "n" : reader.GetValue(i) switch
                {
                    long or int or short => "i" + Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture),
                    double d => "d" + BitConverter.DoubleToInt64Bits(d),
                    float f => "d" + BitConverter.DoubleToInt64Bits(f),
                    byte[] b => "b" + Convert.ToBase64String(b),
                    var v => "s" + Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                }).Append('\u001f');
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString()), hash);
            // A sum of row digests does not depend on the order the engine returns rows in.
            sum += BitConverter.ToUInt64(hash);
            rows++;
        }

        return (rows, sum.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }
}
