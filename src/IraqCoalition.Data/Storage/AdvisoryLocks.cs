namespace IraqCoalition.Data.Storage;

/// <summary>
/// Keys of PostgreSQL advisory locks: work that must run once across several web servers and
/// ingestion workers on one database. SQLite needs none (one writer at a time by design).
/// </summary>
public static class AdvisoryLocks
{
    public const long Migrations = 0x1c_0001;

    /// <summary>The write phase of ingestion: actors are resolved and clusters matched by one writer at a time, as on SQLite.</summary>
    public const long Ingestion = 0x1c_0002;

    /// <summary>Long maintenance (re-extract all, recluster all) that must not run twice at once.</summary>
    public const long Maintenance = 0x1c_0003;
}
