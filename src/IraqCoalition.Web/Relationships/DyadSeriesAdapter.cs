namespace IraqCoalition.Web.Relationships;

/// <summary>Maps the repository's weekly rows onto the chart's buckets.</summary>
internal static class DyadSeriesAdapter
{
}
