namespace IraqCoalition.Web.Startup;

/// <summary>
/// Finds the repository root so that relative data paths ("data/iraqcoalition.db", "data/articles")
/// land in the same folder whether the app is started from the repository root, from its project
/// folder or from a test runner's bin folder.
/// </summary>
public static class RepositoryPaths
{
    public const string SolutionFileName = "IraqCoalition.sln";

    /// <summary>The nearest folder at or above <paramref name="startDirectories"/> holding the solution file, else the first start directory.</summary>
    public static string FindRoot(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return dir.FullName;
                }
            }
        }

        return Path.GetFullPath(startDirectories[0]);
    }

    /// <summary>Absolute paths stay as they are; relative ones are taken from <paramref name="root"/>.</summary>
    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}
