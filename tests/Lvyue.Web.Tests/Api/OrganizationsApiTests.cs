using System.Net;
using Lvyue.Organizations;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Api;

/// <summary>/api/v1/suppliers: registering suppliers with a GB 32100 code.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrganizationsApiTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Api_RefusesASupplierWithAWrongUsccCheckCharacterAndWritesNothing(string provider)
    {
        var app = await hosts.For(provider);
        using var supervisor = await app.LoginAsync("supervisor");
        var valid = Uscc.Complete("91440300" + Random.Shared.NextInt64(100_000_000, 999_999_999));
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var before = await SupplierCountAsync(app);

        using (var refused = await supervisor.PostJsonAsync("/api/v1/suppliers", new SupplierInput("深圳市校验位错误有限公司", wrongCheck)))
            await Problems.AssertFieldErrorAsync(refused, "uscc");
        using (var garbage = await supervisor.PostJsonAsync("/api/v1/suppliers", new SupplierInput("深圳市乱码有限公司", "ABC")))
            await Problems.AssertFieldErrorAsync(garbage, "uscc");
        Assert.Equal(before, await SupplierCountAsync(app));

        using var created = await supervisor.PostJsonAsync("/api/v1/suppliers", new SupplierInput("深圳市校验位正确有限公司", valid));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(before + 1, await SupplierCountAsync(app));
        using var duplicate = await supervisor.PostJsonAsync("/api/v1/suppliers", new SupplierInput("深圳市重复登记有限公司", valid));
        await Problems.AssertFieldErrorAsync(duplicate, "uscc");
        Assert.Equal(before + 1, await SupplierCountAsync(app));
    }

    private static async Task<int> SupplierCountAsync(LvyueApp app)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.Suppliers.CountAsync();
    }
}
