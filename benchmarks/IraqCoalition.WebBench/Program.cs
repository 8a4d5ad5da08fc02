namespace IraqCoalition.WebBench;

// An explicit class rather than top-level statements: those make a public global Program, which the
// web tests (that reference both this and the web app) would then see twice.
internal static class Program
{
    public static Task<int> Main(string[] args) => BenchWeb.RunAsync(args, Console.Out, Console.Error);
}
