using System.Data.Common;
using Npgsql;

namespace IraqCoalition.Data.Storage;

/// <summary>
/// The SQL that differs between SQLite and PostgreSQL in queries shared by both engines. Everything
/// else the repositories write is the common subset (standard SQL, <c>RETURNING</c>,
/// <c>ON CONFLICT</c>, <c>coalesce</c>, <c>LIMIT</c>); what cannot be shared (full-text search,
/// bulk loading, backups) lives in provider-named classes, and the schemas in Migrations/Sqlite and
/// Migrations/Postgres.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Case-insensitive LIKE: SQLite's LIKE is for ASCII, PostgreSQL needs ILIKE.</summary>
    public abstract string Like { get; }

    /// <summary>The expression, for a case-insensitive ORDER BY or comparison.</summary>
    public abstract string NoCase(string expression);

    /// <summary>The values of <paramref name="expression"/> in a group, joined by <paramref name="separator"/> (a SQL expression).</summary>
    public abstract string Concat(string expression, string separator);

    /// <summary>A one-character string of the given code point (SQLite char, PostgreSQL chr).</summary>
    public abstract string Character(int code);

    /// <summary>The larger of two values (SQLite's two-argument max, PostgreSQL's greatest).</summary>
    public abstract string Greatest(string a, string b);

    public abstract string Least(string a, string b);

    /// <summary>
    /// <paramref name="column"/> is one of the values of the list parameter <paramref name="parameter"/>
    /// (an array or List): Dapper expands <c>IN @p</c> into one parameter per value for SQLite, but
    /// hands PostgreSQL the list as one array, which only <c>= ANY(@p)</c> reads.
    /// </summary>
    public abstract string In(string column, string parameter);

    /// <summary>The dialect of an open connection, for static helpers that receive only the connection.</summary>
    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    public static SqlDialect For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string Like => "LIKE";
        public override string NoCase(string expression) => $"{expression} COLLATE NOCASE";
        public override string Concat(string expression, string separator) => $"group_concat({expression}, {separator})";
        public override string Character(int code) => $"char({code})";
        public override string Greatest(string a, string b) => $"max({a}, {b})";
        public override string Least(string a, string b) => $"min({a}, {b})";
        public override string In(string column, string parameter) => $"{column} IN {parameter}";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
        public override string Like => "ILIKE";
        public override string NoCase(string expression) => $"lower({expression})";
        public override string Concat(string expression, string separator) => $"string_agg({expression}, {separator})";
        public override string Character(int code) => $"chr({code})";
        public override string Greatest(string a, string b) => $"greatest({a}, {b})";
        public override string Least(string a, string b) => $"least({a}, {b})";
        public override string In(string column, string parameter) => $"{column} = ANY({parameter})";
    }
}
