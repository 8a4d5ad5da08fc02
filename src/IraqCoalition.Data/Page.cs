namespace IraqCoalition.Data;

/// <summary>One page of a query's results and the total number of matching rows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
