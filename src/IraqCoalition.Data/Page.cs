namespace IraqCoalition.Data;

/// <summary>
/// One page of a query's results and the number of matching rows. When <see cref="Capped"/> is
/// true there are more than <see cref="Total"/> rows (counting stops at a cap; see Sqlite/Counting).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool Capped = false);
