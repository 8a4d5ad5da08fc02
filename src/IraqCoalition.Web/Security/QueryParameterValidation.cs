using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace IraqCoalition.Web.Security;

/// <summary>
/// Pages take typed query parameters (<c>page</c>, <c>quad</c>, <c>actor</c>, ...) through
/// <see cref="SupplyParameterFromQueryAttribute"/>; Blazor throws when a value does not parse, which
/// would be a 500 for what is the caller's mistake. This checks the values of the page the request is
/// routed to against the types the page declares, with Blazor's own parsing rules (invariant culture,
/// an empty value is null), and answers 400 naming the parameter.
/// </summary>
public static class QueryParameterValidation
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Name, Type Type)>> ParametersByPage = new();

    public static IApplicationBuilder UseQueryParameterValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page
                && FirstProblem(page.Type, context.Request.Query) is { } problem)
            {
                await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad address", problem);
                return;
            }

            await next(context);
        });

    /// <summary>Why the query does not fit the page's parameters, or null when it does.</summary>
    public static string? FirstProblem(Type page, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (name, type) in ParametersByPage.GetOrAdd(page, Declared))
        {
            if (!query.TryGetValue(name, out var values))
            {
                continue;
            }

            var element = type.IsArray ? type.GetElementType()! : type;
            // A single-valued parameter reads the first value only, as Blazor does.
            foreach (var value in type.IsArray ? values.ToArray() : values.Take(1).ToArray())
            {
                if (!Parses(element, value ?? ""))
                {
                    return $"The value '{Shorten(value)}' of '{name}' in the address is not {Describe(element)}.";
                }
            }
        }

        return null;
    }

    private static IReadOnlyList<(string Name, Type Type)> Declared(Type page) =>
        page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => (p.Attribute!.Name ?? p.Property.Name, p.Property.PropertyType))
            .ToList();

    private static bool Parses(Type type, string value)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null && value.Length == 0)
        {
            return true;
        }

        var t = nullable ?? type;
        var c = CultureInfo.InvariantCulture;
        return t switch
        {
            _ when t == typeof(string) => true,
            _ when t == typeof(int) => int.TryParse(value, NumberStyles.Integer, c, out _),
            _ when t == typeof(long) => long.TryParse(value, NumberStyles.Integer, c, out _),
            _ when t == typeof(bool) => bool.TryParse(value, out _),
            _ when t == typeof(double) => double.TryParse(value, NumberStyles.Number, c, out _),
            _ when t == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, c, out _),
            _ when t == typeof(DateOnly) => DateOnly.TryParse(value, c, DateTimeStyles.None, out _),
            _ when t == typeof(DateTime) => DateTime.TryParse(value, c, DateTimeStyles.None, out _),
            _ when t == typeof(Guid) => Guid.TryParse(value, c, out _),
            // A type this does not know is left to Blazor rather than refused.
            _ => true,
        };
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(int) || t == typeof(long) => "a whole number",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(double) || t == typeof(decimal) => "a number",
            _ when t == typeof(DateOnly) || t == typeof(DateTime) => "a date (yyyy-mm-dd)",
            _ => $"a valid {t.Name}",
        };
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
