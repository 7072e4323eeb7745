using Dangjian.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddDangjian();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseDangjian();
await app.RunAsync();

/// <summary>The web host; public so WebApplicationFactory&lt;Program&gt; can start it in tests.</summary>
public partial class Program;
