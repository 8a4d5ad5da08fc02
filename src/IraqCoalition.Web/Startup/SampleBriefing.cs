using IraqCoalition.Data.Briefings;

namespace IraqCoalition.Web.Startup;

/// <summary>
/// The briefing a fresh install opens with, over the sample articles: a newcomer sees what a
/// briefing is and can export one before composing their own. Only its scope is fixed; what it
/// holds is composed from the extracted record at every export, like any briefing.
/// </summary>
public static class SampleBriefing
{
    public const string Title = "Iraq after the Soleimani strike: relations with the U.S. and Russia, January–February 2020";

    public static Briefing Create() => new()
    {
        Title = Title,
        Author = "Sample briefing",
        From = new DateOnly(2020, 1, 1),
        To = new DateOnly(2020, 2, 29),
        Dyads = [new Dyad("IRQ", "USA"), new Dyad("IRQ", "RUS")],
        Summary = """
            **A sample briefing** over the sample articles, made on first start so there is one to open and export.

            After the U.S. strike at Baghdad airport on 3 January 2020 that killed Qassem Soleimani, Iraq's
            parliament voted to expel foreign troops and relations with Washington cooled, while contacts
            with Moscow grew warmer. The key events and statements below are those the extraction found
            for the two pairs in these two months; pin, leave out or change the scope, then save it as your own.
            """,
    };
}
