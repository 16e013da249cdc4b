using System.Net;
using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;

namespace Lvyue.Web.Tests.Pages;

/// <summary>/Admin/Users: the system administrator creates accounts under the 等保 password policy.</summary>
[Collection(ApiCollection.Name)]
public sealed class UsersPageTests(ApiHosts hosts)
{
    [Theory, BothDatabases]
    public async Task Accounts_RefusesAWeakPasswordAndCreatesNoAccount(string provider)
    {
        var app = await hosts.For(provider);
        var facts = await app.Facts;
        using var sysadmin = await app.LoginAsync("sysadmin");

        foreach (var (weak, why) in new[]
                 {
                     ("abcdefgh", "密码须包含大写字母、小写字母、数字、符号中的至少3种"),
                     ("abcd1234", "密码须包含大写字母、小写字母、数字、符号中的至少3种"),
                     ("Ab1!", "密码长度不足"),
                     ("", "密码长度不足"),
                 })
        {
            var name = AccountSteps.NewUserName("weak");
            using var response = await AccountSteps.CreateInspectorAsync(sysadmin, facts.RegionId, name, weak);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{weak}' answered {(int)response.StatusCode}");
            Assert.Contains(why, AccountSteps.FormErrors(await response.Content.ReadAsStringAsync()));
            Assert.Null(await AccountSteps.FindAsync(app, name));
        }

        var strong = AccountSteps.NewUserName("strong");
        await AccountSteps.CreateInspectorOkAsync(sysadmin, facts.RegionId, strong, "Abcd1234");
        using var login = await app.LoginAsync(strong, "Abcd1234");
        Assert.Equal(strong, (await login.GetOkAsync("/api/v1/me"))["name"]!.GetValue<string>());
    }

    [Theory, BothDatabases]
    public async Task Accounts_OnlyTheSystemAdministratorCreatesAccounts(string provider)
    {
        var app = await hosts.For(provider);

        foreach (var user in new[] { "secadmin", "clerk", "auditadmin" })
        {
            using var session = await app.LoginAsync(user);
            var name = AccountSteps.NewUserName("nope");
            using var response = await session.Client.PostAsync("/Admin/Users?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync(),
                ["Form.UserName"] = name, ["Form.DisplayName"] = "越权", ["Form.Role"] = "SystemAdmin", ["Form.Password"] = "Abcd#12345",
            }));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.AbsolutePath == "/Account/AccessDenied",
                $"{user} got {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Null(await AccountSteps.FindAsync(app, name));
        }
    }
}
