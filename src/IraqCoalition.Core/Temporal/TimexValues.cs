using System.Globalization;

namespace IraqCoalition.Core.Temporal;

/// <summary>TIMEX3 value formatting and calendar intervals (ISO weeks, seasons, quarters).</summary>
internal static class TimexValues
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    public static string Week(DateOnly anyDay)
    {
        var dt = anyDay.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }

    public static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>Monday = 0 ... Sunday = 6.</summary>
    public static int Weekday(DateOnly d) => ((int)d.DayOfWeek + 6) % 7;

    public static (DateOnly Start, DateOnly End) Season(int year, string code) => code switch
    {
        "SP" => (new DateOnly(year, 3, 1), new DateOnly(year, 5, 31)),
        "SU" => (new DateOnly(year, 6, 1), new DateOnly(year, 8, 31)),
        "FA" => (new DateOnly(year, 9, 1), new DateOnly(year, 11, 30)),
        _ => (new DateOnly(year, 12, 1), MonthEnd(year + 1, 2)),
    };

    /// <summary>The season holding <paramref name="d"/> as (year, code); winter belongs to the year it starts in.</summary>
    public static (int Year, string Code) SeasonOf(DateOnly d) => d.Month switch
    {
        >= 3 and <= 5 => (d.Year, "SP"),
        >= 6 and <= 8 => (d.Year, "SU"),
        >= 9 and <= 11 => (d.Year, "FA"),
        12 => (d.Year, "WI"),
        _ => (d.Year - 1, "WI"),
    };

    public static string Duration(int? amount, TimeUnit unit)
    {
        var n = amount is null ? "X" : amount.Value.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Second => $"PT{n}S",
            TimeUnit.Minute => $"PT{n}M",
            TimeUnit.Hour => $"PT{n}H",
            TimeUnit.Day => $"P{n}D",
            TimeUnit.Week => $"P{n}W",
            TimeUnit.Weekend => $"P{n}WE",
            TimeUnit.Month => $"P{n}M",
            TimeUnit.Quarter => $"P{n}Q",
            TimeUnit.Year => $"P{n}Y",
            TimeUnit.Decade => $"P{n}DE",
            TimeUnit.Century => $"P{n}CE",
            _ => $"P{n}D",
        };
    }

    /// <summary>Shifts a day by an amount of calendar units (sub-day units move by whole days only when they reach one).</summary>
    public static DateOnly Shift(DateOnly d, int amount, TimeUnit unit)
    {
        // Text can say "a million years ago"; the calendar ends at years 1 and 9999.
        try
        {
            return ShiftUnchecked(d, amount, unit);
        }
        catch (ArgumentOutOfRangeException)
        {
            return amount < 0 ? new DateOnly(2, 1, 1) : new DateOnly(9000, 1, 1);
        }
    }

    private static DateOnly ShiftUnchecked(DateOnly d, int amount, TimeUnit unit) => unit switch
    {
        TimeUnit.Day => d.AddDays(amount),
        TimeUnit.Week or TimeUnit.Weekend => d.AddDays(7 * amount),
        TimeUnit.Month => d.AddMonths(amount),
        TimeUnit.Quarter => d.AddMonths(3 * amount),
        TimeUnit.Year => d.AddYears(amount),
        TimeUnit.Decade => d.AddYears(10 * amount),
        TimeUnit.Century => d.AddYears(100 * amount),
        TimeUnit.Hour => d.AddDays(amount / 24),
        _ => d,
    };

    /// <summary>The calendar unit (week, month, year ...) holding <paramref name="d"/>: value, interval and precision.</summary>
    public static (string Value, DateOnly Start, DateOnly End, string Precision) UnitAround(DateOnly d, TimeUnit unit)
    {
        switch (unit)
        {
            case TimeUnit.Week:
                var ws = WeekStart(d);
                return (Week(d), ws, ws.AddDays(6), "week");
            case TimeUnit.Weekend:
                var sat = WeekStart(d).AddDays(5);
                return (Week(d) + "-WE", sat, sat.AddDays(1), "range");
            case TimeUnit.Month:
                return (Month(d.Year, d.Month), new DateOnly(d.Year, d.Month, 1), MonthEnd(d.Year, d.Month), "month");
            case TimeUnit.Quarter:
                var q = (d.Month - 1) / 3;
                var qs = new DateOnly(d.Year, q * 3 + 1, 1);
                return (string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-Q{q + 1}"), qs, qs.AddMonths(3).AddDays(-1), "range");
            case TimeUnit.Year:
                return (Year(d.Year), new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31), "year");
            case TimeUnit.Decade:
                var dy = d.Year / 10 * 10;
                return ((dy / 10).ToString(CultureInfo.InvariantCulture), new DateOnly(dy, 1, 1), new DateOnly(dy + 9, 12, 31), "range");
            case TimeUnit.Century:
                var cy = d.Year / 100 * 100;
                return ((cy / 100).ToString(CultureInfo.InvariantCulture), new DateOnly(Math.Max(1, cy), 1, 1), new DateOnly(cy + 99, 12, 31), "range");
            default:
                return (Day(d), d, d, "day");
        }
    }
}
