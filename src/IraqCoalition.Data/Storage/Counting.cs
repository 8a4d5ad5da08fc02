using System.Data;
using Dapper;

namespace IraqCoalition.Data.Storage;

/// <summary>
/// Counts matching rows for pagers, but stops at <see cref="Cap"/>: an exact count of a million
/// rows costs a full scan on every page turn, and nobody pages through more than ten thousand
/// rows; they narrow the filters. Pages show "10,000+" when <see cref="Page{T}.Capped"/> is set.
/// </summary>
internal static class Counting
{
    public const int Cap = 10_000;

    /// <param name="fromWhere">The FROM ... WHERE ... part of the page query.</param>
    public static async Task<(int Total, bool Capped)> CountAsync(IDbConnection c, string fromWhere, object? parameters, CancellationToken ct)
    {
        var n = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM (SELECT 1 {fromWhere} LIMIT {Cap + 1}) AS capped", parameters, cancellationToken: ct));
        return n > Cap ? (Cap, true) : (n, false);
    }
}
