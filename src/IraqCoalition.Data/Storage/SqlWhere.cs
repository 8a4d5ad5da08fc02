using System.Text;
using Dapper;

namespace IraqCoalition.Data.Storage;

/// <summary>Accumulates optional filter clauses and their parameters into one WHERE clause.</summary>
internal sealed class SqlWhere
{
    private readonly StringBuilder _sql = new();

    public DynamicParameters Parameters { get; } = new();

    public SqlWhere And(string clause)
    {
        _sql.Append(_sql.Length == 0 ? "WHERE " : " AND ").Append(clause);
        return this;
    }

    /// <summary>Adds the clause and its one parameter when <paramref name="value"/> is set.</summary>
    public SqlWhere AndIf<T>(T? value, string clause, string name)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            return this;
        }

        Parameters.Add(name, value is DateOnly d ? Clock.Day(d) : value);
        return And(clause);
    }

    public SqlWhere AndIf<T>(T? value, string clause, string name)
        where T : struct
    {
        if (value is not { } v)
        {
            return this;
        }

        Parameters.Add(name, v is DateOnly d ? Clock.Day(d) : v);
        return And(clause);
    }

    /// <summary>Case-insensitive substring match on several columns, with LIKE wildcards in the user's text escaped.</summary>
    public SqlWhere AndContains(SqlDialect dialect, string? text, string name, params string[] columns)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        Parameters.Add(name, "%" + EscapeLike(text.Trim()) + "%");
        return And("(" + string.Join(" OR ", columns.Select(c => $"{c} {dialect.Like} @{name} ESCAPE '\\'")) + ")");
    }

    public override string ToString() => _sql.ToString();

    public static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
