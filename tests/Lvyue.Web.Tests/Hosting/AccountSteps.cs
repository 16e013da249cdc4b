using System.Net;
using Lvyue.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>Account administration through the accounts page, and what the database then holds.</summary>
public static class AccountSteps
{
    /// <summary>Posts the new-account form of /Admin/Users as <paramref name="admin"/>: an inspector of the demo region.</summary>
    public static async Task<HttpResponseMessage> CreateInspectorAsync(WebSession admin, long regionId, string userName, string password) =>
        await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create", new()
        {
            ["Form.UserName"] = userName,
            ["Form.DisplayName"] = "测试检查员",
            ["Form.Role"] = Roles.Inspector,
            ["Form.RegionId"] = regionId.ToString(),
            ["Form.Password"] = password,
        });

    /// <summary>Creates an inspector and asserts that the page accepted it.</summary>
    public static async Task CreateInspectorOkAsync(WebSession admin, long regionId, string userName, string password)
    {
        using var response = await CreateInspectorAsync(admin, regionId, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"creating {userName} answered {(int)response.StatusCode}: {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>The account as stored, or null.</summary>
    public static async Task<AppUser?> FindAsync(LvyueApp app, string userName)
    {
        await using var s = app.Database.AsSystem();
        return await s.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName);
    }

    /// <summary>The messages of a page's validation summary (empty when it shows none).</summary>
    public static string FormErrors(string html)
    {
        var summary = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"[^\"]*validation-summary-errors[^\"]*\"[^>]*>(.*?)</div>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        return summary.Success ? WebUtility.HtmlDecode(summary.Groups[1].Value) : "";
    }

    /// <summary>A user name no other test uses.</summary>
    public static string NewUserName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];
}
