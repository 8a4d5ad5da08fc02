namespace IraqCoalition.Data.Editing;

/// <summary>
/// Someone else changed the record since the caller read it. Carries the current values so the UI
/// can show both versions; nothing was written.
/// </summary>
public sealed class ConcurrencyException(string entity, long id, int expectedVersion, int currentVersion, string? changedBy)
    : Exception($"This {entity} was changed by {changedBy ?? "someone else"} while you were editing it (your version {expectedVersion}, now {currentVersion}). Reload to see their change, then apply yours again.")
{
    public string Entity { get; } = entity;
    public long Id { get; } = id;
    public int ExpectedVersion { get; } = expectedVersion;
    public int CurrentVersion { get; } = currentVersion;
}
