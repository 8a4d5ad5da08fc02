using IraqCoalition.Data;

namespace IraqCoalition.Web.Startup;

/// <summary>Where the app keeps its data, resolved once at start to absolute paths.</summary>
public sealed record DataOptions
{
    public const string DefaultSeedDirectory = "data/articles";

    public required string RepositoryRoot { get; init; }

    public required string ConnectionString { get; init; }

    /// <summary>Articles ingested when the database has none.</summary>
    public required string SeedDirectory { get; init; }

    public static DataOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var root = FindRepositoryRoot(contentRoot, AppContext.BaseDirectory);
        var seed = configuration["Seed:ArticlesDirectory"] is { Length: > 0 } configured ? configured : DefaultSeedDirectory;
        return new DataOptions
        {
            RepositoryRoot = root,
            ConnectionString = DataPaths.ConnectionString(configuration.GetConnectionString("Default"), root),
            SeedDirectory = Resolve(root, seed),
        };
    }

    /// <summary>Absolute paths stay as they are; relative ones are taken from the repository root.</summary>
    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));

    /// <summary>
    /// The content root is the working directory, which may lie outside the repository (dotnet run
    /// --project from elsewhere); the app's own bin folder always lies inside it.
    /// </summary>
    private static string FindRepositoryRoot(params string[] starts)
    {
        foreach (var start in starts)
        {
            var root = DataPaths.RepositoryRoot(start);
            if (File.Exists(Path.Combine(root, "IraqCoalition.sln")))
            {
                return root;
            }
        }

        return Path.GetFullPath(starts[0]);
    }
}
