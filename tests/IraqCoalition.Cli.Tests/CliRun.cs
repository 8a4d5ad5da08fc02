namespace IraqCoalition.Cli.Tests;

/// <summary>Runs the command line in-process as a user would, and finds the repository's sample articles.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string SampleArticle(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "IraqCoalition.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "data", "articles", name);
    }
}
