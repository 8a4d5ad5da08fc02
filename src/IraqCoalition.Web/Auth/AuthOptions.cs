namespace IraqCoalition.Web.Auth;

/// <summary>The "Auth" configuration section.</summary>
public sealed record AuthOptions
{
    /// <summary>
    /// Whether visitors who have not signed in may read the dashboard. On by default so the local
    /// default setup opens straight onto the data; a shared deployment turns it off.
    /// </summary>
    public bool AllowAnonymousRead { get; init; } = true;

    /// <summary>The account created on a first start with no users.</summary>
    public string InitialAdmin { get; init; } = "admin";

    public static AuthOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        return new AuthOptions
        {
            AllowAnonymousRead = section.GetValue("AllowAnonymousRead", true),
            InitialAdmin = section["InitialAdmin"] is { Length: > 0 } name ? name : "admin",
        };
    }
}
