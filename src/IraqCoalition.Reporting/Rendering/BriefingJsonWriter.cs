using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IraqCoalition.Reporting.Composition;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>The whole composed briefing as JSON (snake_case), for other tools.</summary>
public static class BriefingJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Arabic names stay readable; the output is a file, not HTML, so no need to escape them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write(BriefingDocument doc) => JsonSerializer.Serialize(doc, Options);
}
