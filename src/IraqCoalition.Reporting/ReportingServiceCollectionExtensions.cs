using System.Globalization;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Pdf;
using IraqCoalition.Reporting.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IraqCoalition.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// Registers briefing storage, composition, rendering and the process-wide PDF renderer, with
    /// options from the <c>Reporting</c> section (ChromiumPath, HandlingMarking, MaxEvents,
    /// MaxStatements, MaxActorProfiles, PdfTimeoutSeconds, TaggedPdf, PublicBaseUrl). Needs <c>AddIraqCoalitionData</c>.
    /// </summary>
    public static IServiceCollection AddIraqCoalitionReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddIraqCoalitionReporting(FromConfiguration(configuration.GetSection(ReportingOptions.SectionName)));
    }

    public static IServiceCollection AddIraqCoalitionReporting(this IServiceCollection services, ReportingOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton<BriefingRepository>();
        services.TryAddSingleton<BriefingComposer>();
        services.TryAddSingleton<BriefingHtmlRenderer>();
        // One browser for the process: the container disposes it (and closes Chromium) at shutdown.
        services.TryAddSingleton<PdfRenderer>();
        services.TryAddSingleton<BriefingExporter>();
        return services;
    }

    /// <summary>Reads the section by hand: binding would need another package for five values.</summary>
    public static ReportingOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var o = new ReportingOptions();
        if (!string.IsNullOrWhiteSpace(section["ChromiumPath"]))
        {
            o.ChromiumPath = section["ChromiumPath"]!;
        }

        if (!string.IsNullOrWhiteSpace(section["HandlingMarking"]))
        {
            o.HandlingMarking = section["HandlingMarking"]!;
        }

        if (section["PublicBaseUrl"] is { Length: > 0 } publicBase)
        {
            o.PublicBaseUrl = Uri.TryCreate(publicBase, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"
                ? publicBase
                : throw new FormatException($"Reporting:PublicBaseUrl must be an http(s) address, not '{publicBase}'");
        }

        o.TaggedPdf = string.Equals(section["TaggedPdf"], "true", StringComparison.OrdinalIgnoreCase);
        o.MaxEvents = Int(section, "MaxEvents", o.MaxEvents);
        o.MaxStatements = Int(section, "MaxStatements", o.MaxStatements);
        o.MaxActorProfiles = Int(section, "MaxActorProfiles", o.MaxActorProfiles);
        o.PdfTimeout = TimeSpan.FromSeconds(Int(section, "PdfTimeoutSeconds", (int)o.PdfTimeout.TotalSeconds));
        return o;
    }

    private static int Int(IConfiguration section, string key, int fallback) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new FormatException($"Reporting:{key} must be a positive whole number, not '{text}'")
            : fallback;
}
