using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace IraqCoalition.Data.Storage;

public static class Transactions
{
    /// <summary>
    /// A read-only view of one moment for several queries (an export that must not pair a new event
    /// with old actors): SQLite's deferred transaction reads one WAL snapshot from its first read;
    /// PostgreSQL needs REPEATABLE READ for the same (READ COMMITTED sees each statement's moment).
    /// </summary>
    public static async Task<DbTransaction> BeginSnapshotAsync(DbConnection c, CancellationToken ct = default) =>
        c is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await c.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
}
