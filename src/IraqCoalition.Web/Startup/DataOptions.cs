using Microsoft.Data.Sqlite;

namespace IraqCoalition.Web.Startup;

/// <summary>Where the app keeps its data, resolved once at start to absolute paths.</summary>
public sealed record DataOptions
{
    public const string DefaultConnectionString = "Data Source=data/iraqcoalition.db";
    public const string DefaultSeedDirectory = "data/articles";

    public required string ConnectionString { get; init; }

    /// <summary>Articles ingested when the database has none.</summary>
    public required string SeedDirectory { get; init; }

    public static DataOptions FromConfiguration(IConfiguration configuration, string repositoryRoot)
    {
        var connection = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Default") is { Length: > 0 } configured ? configured : DefaultConnectionString);

        // A relative file name would otherwise depend on the working directory of whoever started the app.
        if (!string.IsNullOrEmpty(connection.DataSource) && connection.DataSource != ":memory:"
            && connection.Mode != SqliteOpenMode.Memory)
        {
            connection.DataSource = RepositoryPaths.Resolve(repositoryRoot, connection.DataSource);
        }

        return new DataOptions
        {
            ConnectionString = connection.ToString(),
            SeedDirectory = RepositoryPaths.Resolve(repositoryRoot, configuration["Seed:ArticlesDirectory"] ?? DefaultSeedDirectory),
        };
    }
}
