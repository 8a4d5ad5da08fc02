namespace IraqCoalition.Data.Accounts;

/// <summary>Analysts read; editors write; administrators also manage accounts.</summary>
public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Analyst, Editor, Admin];

    public static int Rank(string? role) => role switch
    {
        Admin => 3,
        Editor => 2,
        Analyst => 1,
        _ => 0,
    };

    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Who is asking. Services check this themselves: hiding a button is not authorisation.</summary>
public sealed record UserContext(string? UserName, string? Role)
{
    public static UserContext Anonymous { get; } = new(null, null);

    public static UserContext System { get; } = new("system", Roles.Admin);

    public bool IsAtLeast(string role) => Roles.Rank(Role) >= Roles.Rank(role);
}

/// <summary>The caller may not do this; the message says what role it needs.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

public static class Authorization
{
    public static void Require(UserContext user, string role, string action)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAtLeast(role))
        {
            var who = user.UserName is null ? "Anonymous visitors" : $"{user.UserName} ({user.Role ?? "no role"})";
            throw new ForbiddenException($"{who} may not {action}: it needs the {role} role.");
        }
    }
}
