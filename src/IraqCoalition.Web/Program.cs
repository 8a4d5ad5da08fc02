using IraqCoalition.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddIraqCoalitionWeb();

var app = builder.Build();

// Awaited before the server starts: the first request must find a migrated, seeded database.
await app.InitializeIraqCoalitionDataAsync();

app.MapIraqCoalitionEndpoints();
await app.RunAsync();

public partial class Program;
