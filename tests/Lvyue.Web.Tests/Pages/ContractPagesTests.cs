using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>The ledger and contract pages: output encoding and CSRF protection of their forms.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractPagesTests(ApiHosts hosts)
{
    private const string Script = "<script>alert(1)</script>";

    [Theory, BothDatabases]
    public async Task Pages_RenderAContractTitledScriptAsEscapedText(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var number = DemoFacts.NewNumber("XSS");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(number, title: Script));

        foreach (var url in new[] { "/Contracts?Q=" + number, $"/Contracts/{id}" })
        {
            var (status, html) = await clerk.GetTextAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain(Script, html);
        }
    }

    [Theory, BothDatabases]
    public async Task Pages_RefuseAFormPostWithoutTheAntiforgeryToken(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var clerk = await app.LoginAsync("clerk");
        var id = await ApiSteps.CreateAsync(clerk, facts.Contract(DemoFacts.NewNumber("FORM")));
        await ApiSteps.UploadTextAsync(clerk, id);
        var before = await StoreSnapshot.TakeAsync(app);

        using var response = await clerk.Client.PostAsync($"/Contracts/{id}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal("Draft", await ApiSteps.StatusAsync(clerk, id));
        using var withToken = await clerk.PostFormAsync($"/Contracts/{id}", $"/Contracts/{id}?handler=Submit", []);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal("PendingApproval", await ApiSteps.StatusAsync(clerk, id));
    }
}
