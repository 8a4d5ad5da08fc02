using Microsoft.Data.Sqlite;
using Npgsql;

namespace IraqCoalition.Data.Storage;

/// <summary>
/// The two database failures callers act on, told apart for both engines in one place: "busy" (try
/// again: another writer held a lock, or PostgreSQL chose this transaction as a deadlock or
/// serialisation victim) and a unique-key violation (another writer stored the same thing first).
/// </summary>
public static class DbErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    public static bool IsBusy(Exception ex) => ex switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.LockNotAvailable,
        _ => false,
    };

    /// <summary>A unique constraint on <paramref name="column"/> was violated.</summary>
    public static bool IsUniqueViolation(Exception ex, string column) => ex switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.Message.Contains(column, StringComparison.Ordinal),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation
            && ((p.ConstraintName?.Contains(column, StringComparison.Ordinal) ?? false) || (p.Detail?.Contains(column, StringComparison.Ordinal) ?? false)),
        _ => false,
    };

    /// <summary>Any error the database itself raised (for health checks and friendly messages).</summary>
    public static bool IsDatabaseError(Exception ex) => ex is SqliteException or NpgsqlException;
}
