namespace IraqCoalition.Web.Timeline;

/// <summary>How widely an event was reported, in the words the list and the detail both use.</summary>
public static class Coverage
{
    public static string Plural(int n, string noun) => Core.Text.Counted.Of(n, noun);

    /// <summary>"3 reports, 2 sources".</summary>
    public static string Of(int reports, int sources) => $"{Plural(reports, "report")}, {Plural(sources, "source")}";
}
