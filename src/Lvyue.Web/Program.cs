using Lvyue.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLvyueWeb();

var app = builder.Build();
app.UseLvyueWeb();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
