#:project ../../src/IraqCoalition.Data/IraqCoalition.Data.csproj
#:property PublishAot=false
// An editor's review of the seed article, read against its hand annotation
// (tests/IraqCoalition.Core.Tests/Gold/seed), through the same services the web app calls, so the
// export that follows sees what a real review leaves: verdicts, one correction, one added event.
using Dapper;
using IraqCoalition.Core.Events;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Data.Sqlite;

var factory = new SqliteConnectionFactory($"Data Source={Path.GetFullPath(args[0])}");
var editor = new UserContext("round-trip", Roles.Editor);
var corrections = new CorrectionService(factory, CameoCodebook.Default);
await using var c = await factory.OpenAsync();

async Task<long> ActorAsync(string name) => await c.QuerySingleAsync<long>("SELECT id FROM actors WHERE name = @name", new { name });

var events = (await c.QueryAsync<(long Id, int Version, string Code, string Evidence)>(
    "SELECT id, version, code, evidence_text FROM events ORDER BY evidence_start, id")).ToList();
var body = await c.QuerySingleAsync<string>("SELECT body FROM articles WHERE id = 1");
// Events the hand annotation lists as optional are left to the machine; the rest are verified, except
// the "signals" sentence, which the machine reads as the official's comment (010) on Russia where the
// annotation has Russia and Iran signalling support to Iraq (03).
string[] optional = ["The statement said the sides discussed", "Both parties emphasized", "Senior Iraqi military officials told AP"];
foreach (var e in events)
{
    if (e.Evidence.Contains("given signals", StringComparison.Ordinal))
    {
        await corrections.UpdateEventAsync(editor, e.Id, new EventCorrection
        {
            Version = e.Version, Code = "0332", SourceActorId = await ActorAsync("Russia"), TargetActorId = await ActorAsync("Iraq"),
        });
    }
    else if (!optional.Any(o => e.Evidence.StartsWith(o, StringComparison.Ordinal)))
    {
        await corrections.SetEventStatusAsync(editor, e.Id, CorrectionService.Verified, e.Version);
    }
}

foreach (var s in await c.QueryAsync<(long Id, int Version)>("SELECT id, version FROM statements ORDER BY content_start"))
{
    await corrections.SetStatementStatusAsync(editor, s.Id, CorrectionService.Verified, s.Version);
}

// The machine misses "Iraqi leaders have scaled back the rhetoric" (a yield, 08, towards the U.S.).
var trigger = body.IndexOf("scaled back", StringComparison.Ordinal);
await new AdditionService(factory, CameoCodebook.Default).AddEventAsync(editor, new NewEvent
{
    ArticleId = 1, Start = trigger, End = trigger + "scaled back".Length, Code = "080",
    SourceActorId = await ActorAsync("Iraqi leaders"), TargetActorId = await ActorAsync("United States"), Date = new DateOnly(2020, 2, 5),
});
Console.WriteLine("reviewed: " + string.Join(", ", (await c.QueryAsync<(string Status, int Corrected, string Origin, int N)>(
    "SELECT status, corrected, origin, count(*) FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")).Select(r => $"{r.N} events {r.Status}{(r.Corrected == 1 ? " corrected" : "")} ({r.Origin})")));
