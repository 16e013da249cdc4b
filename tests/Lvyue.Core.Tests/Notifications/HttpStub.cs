using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lvyue.Tests.Notifications;

/// <summary>
/// An HTTP receiver on a loopback port for the webhook and SMS gateway tests: records every request and answers
/// with <see cref="Status"/>, or never answers while <see cref="Hang"/> is set.
/// </summary>
internal sealed class HttpStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Request(string Method, string PathAndQuery, Dictionary<string, string> Headers, byte[] Body);

    public ConcurrentQueue<Request> Requests { get; } = new();
    public int Status { get; set; } = 200;
    public bool Hang { get; set; }
    public Uri Address { get; private set; } = null!;

    private HttpStub(WebApplication app) => _app = app;

    public static async Task<HttpStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new HttpStub(app);
        app.Run(async ctx =>
        {
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms);
            stub.Requests.Enqueue(new Request(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString,
                ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), ms.ToArray()));
            if (stub.Hang)
            {
                try { await Task.Delay(Timeout.Infinite, ctx.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            ctx.Response.StatusCode = stub.Status;
            await ctx.Response.WriteAsync("stub");
        });
        await app.StartAsync();
        stub.Address = new Uri(app.Urls.First());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
