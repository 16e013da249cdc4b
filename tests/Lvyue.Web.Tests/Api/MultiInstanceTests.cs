using System.Net;
using System.Text;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>The app keeps no state of its own: two instances on one database and file store serve one user interchangeably.</summary>
[Collection(ApiCollection.Name)]
public sealed class MultiInstanceTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Instances_ShareSessionsAndDocumentsThroughTheDatabaseAndFileStore(string provider)
    {
        var first = await hosts.For(provider);
        var facts = await first.Facts;
        await using var second = await LvyueApp.StartAnotherInstanceAsync(first);
        var cookies = new CookieContainer();
        using var onFirst = new WebSession(first.NewClient(cookies));
        using var onSecond = new WebSession(second.NewClient(cookies));

        using (var login = await onFirst.LoginAsync("clerk", Lvyue.Demo.DemoSeeder.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("clerk", (await onSecond.GetOkAsync("/api/v1/me"))["name"]!.GetValue<string>());
        var id = await ApiSteps.CreateAsync(onSecond, facts.Contract(DemoFacts.NewNumber("TWO")));
        var doc = await ApiSteps.UploadTextAsync(onFirst, id, "合同.txt", "两个实例共享的合同文本");

        using var download = await onSecond.Client.GetAsync($"/api/v1/contracts/{id}/documents/{doc["id"]!.GetValue<long>()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("两个实例共享的合同文本", Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()));
    }
}
