namespace IraqCoalition.Core.Tests.Linguistics.Names;

/// <summary>Paths into the repository's data folder, found from the test binary upwards.</summary>
internal static class RepoData
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(System.IO.Path.Combine(dir.FullName, "data", "corpora")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return System.IO.Path.Combine([dir.FullName, "data", .. parts]);
    }
}
