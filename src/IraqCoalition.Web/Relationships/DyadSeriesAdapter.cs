using System.Globalization;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Web.Relationships;

/// <summary>Maps the repository's weekly rows onto the chart's buckets.</summary>
public static class DyadSeriesAdapter
{
    public static WeekBucket ToBucket(DyadWeek week) => new(
        DateOnly.ParseExact(week.WeekStart, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        week.VerbalCooperation,
        week.MaterialCooperation,
        week.VerbalConflict,
        week.MaterialConflict,
        week.Events == 0 ? null : week.MeanGoldstein,
        week.Neutral);
}
