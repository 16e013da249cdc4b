using System.Net;
using System.Text.RegularExpressions;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>Hosts of their own for the inbox tests (they add milestones and reminders to the demo data).</summary>
public sealed class InboxHosts : IAsyncLifetime
{
    private readonly HostPool _pool = new();
    public Task<LvyueApp> For(string provider) => _pool.For(provider);
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

public sealed class InboxPageTests(InboxHosts hosts) : IClassFixture<InboxHosts>
{
    private static string FirstItemId(string page) => Regex.Match(page, "data-item-id=\"(\\d+)\"").Groups[1].Value;

    [Theory, BothDatabases]
    public async Task Inbox_ShowsTheUsersRemindersWithABadge_AndReadingOneFollowsItsLink(string provider)
    {
        var app = await hosts.For(provider);
        var (contract, _) = (await JobsSteps.MilestonesAsync(app, 1, inDays: 0)).Single();
        await JobsSteps.SweepAsync(app);
        using var clerk = await app.LoginAsync("clerk");

        var (status, page) = await clerk.GetTextAsync("/Inbox?unread=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"交付节点-{contract}", page);
        Assert.Contains("今天到期", page);
        Assert.Contains("data-testid=\"inbox-badge\"", page);
        Assert.Contains("data-read=\"false\"", page);
        var itemId = FirstItemId(page);
        Assert.NotEmpty(itemId);

        using var read = await clerk.PostFormAsync("/Inbox", $"/Inbox?handler=Read&id={itemId}", []);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal($"/Contracts/{contract}", read.Headers.Location?.OriginalString);

        // The API shows the same item, read.
        var api = await clerk.GetOkAsync("/api/v1/inbox");
        Assert.Contains(api["items"]!.AsArray(), i => i!["id"]!.GetValue<long>().ToString() == itemId && i["readAt"] is not null);

        using var all = await clerk.PostFormAsync("/Inbox", "/Inbox?handler=ReadAll", []);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        var (_, after) = await clerk.GetTextAsync("/Inbox");
        Assert.DoesNotContain("data-read=\"false\"", after);
        Assert.DoesNotContain("data-testid=\"inbox-badge\"", after);
        Assert.Equal(0, (await clerk.GetOkAsync("/api/v1/inbox"))["unread"]!.GetValue<int>());
    }

    [Theory, BothDatabases]
    public async Task Inbox_ItemsOfAnotherUser_AreNeitherShownNorMarkable(string provider)
    {
        var app = await hosts.For(provider);
        var (contract, _) = (await JobsSteps.MilestonesAsync(app, 1, inDays: 7)).Single();
        await JobsSteps.SweepAsync(app);
        using var clerk = await app.LoginAsync("clerk");
        var (_, mine) = await clerk.GetTextAsync("/Inbox");
        Assert.Contains($"交付节点-{contract}", mine);
        var itemId = FirstItemId(mine);
        Assert.NotEmpty(itemId);

        // The other unit's clerk has no reminder of this unit's contract, and cannot mark the clerk's item.
        using var other = await app.LoginAsync("clerk2");
        var (_, theirs) = await other.GetTextAsync("/Inbox");
        Assert.DoesNotContain($"交付节点-{contract}", theirs);
        using var refused = await other.PostFormAsync("/Inbox", $"/Inbox?handler=Read&id={itemId}", []);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var api = await other.Client.PostAsync($"/api/v1/inbox/{itemId}/read", null);
        Assert.NotEqual(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task DeliveriesPage_ShowsTheUnitAndTheSupervisorTheRemindersButNotAnotherUnit(string provider)
    {
        var app = await hosts.For(provider);
        var (contract, _) = (await JobsSteps.MilestonesAsync(app, 1, inDays: 7)).Single();
        await JobsSteps.SweepAsync(app);

        using var clerk = await app.LoginAsync("clerk");
        var (status, page) = await clerk.GetTextAsync("/Notifications");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/Contracts/{contract}\"", page);
        using var supervisor = await app.LoginAsync("supervisor");
        Assert.Contains($"href=\"/Contracts/{contract}\"", (await supervisor.GetTextAsync("/Notifications")).Body);
        using var other = await app.LoginAsync("clerk2");
        Assert.DoesNotContain($"href=\"/Contracts/{contract}\"", (await other.GetTextAsync("/Notifications")).Body);
        using var supplier = await app.LoginAsync("supplier");
        Assert.NotEqual(HttpStatusCode.OK, (await supplier.GetTextAsync("/Notifications")).Status);
    }
}
