using System.Net;
using System.Text.Json.Nodes;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Api;

/// <summary>/openapi/v1.json: the API's description, served to anyone.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task OpenApi_IsServedAnonymouslyAndListsTheContractsApi(string provider)
    {
        var app = await hosts.For(provider);
        using var anonymous = new WebSession(app.NewClient());

        var doc = await anonymous.GetOkAsync("/openapi/v1.json");

        Assert.StartsWith("3.", doc["openapi"]!.GetValue<string>());
        var paths = doc["paths"]!.AsObject();
        var contracts = paths["/api/v1/contracts"]!.AsObject();
        Assert.True(contracts.ContainsKey("get") && contracts.ContainsKey("post"), contracts.ToJsonString());
        Assert.True(paths.ContainsKey("/api/v1/contracts/{id}/submit"));
        Assert.True(paths.ContainsKey("/api/v1/approvals/{id}/approve"));
        Assert.True(paths.ContainsKey("/api/v1/imports/{kind}"));
        Assert.Contains("400", ((JsonObject)contracts["post"]!["responses"]!).Select(r => r.Key));
    }
}
