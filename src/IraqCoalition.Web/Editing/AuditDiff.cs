using System.Text.Json;

namespace IraqCoalition.Web.Editing;

/// <summary>One field of an audited change: its value before and after, as short readable text.</summary>
public sealed record AuditField(string Name, string? Before, string? After)
{
    public bool Changed => Before != After;
}

/// <summary>Turns the audit log's before/after JSON into field rows a person can read.</summary>
public static class AuditDiff
{
    public static IReadOnlyList<AuditField> Fields(string? beforeJson, string? afterJson)
    {
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        return before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal)
            .Select(k => new AuditField(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
    }

    /// <summary>Top-level properties, nested objects written inline; a non-object document is one field named "value".</summary>
    private static Dictionary<string, string?> Flatten(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields["value"] = Text(doc.RootElement);
                return fields;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                fields[p.Name] = Text(p.Value);
            }
        }
        catch (JsonException)
        {
            fields["value"] = json;
        }

        return fields;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object when e.EnumerateObject().Any() => string.Join(", ", e.EnumerateObject().Select(p => $"{p.Name}: {Text(p.Value) ?? "—"}")),
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(x => Text(x) ?? "—")),
        _ => e.GetRawText(),
    };
}
