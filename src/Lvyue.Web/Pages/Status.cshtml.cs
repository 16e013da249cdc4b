using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Lvyue.Web.Localization.Tr;

namespace Lvyue.Web.Pages;

/// <summary>The page a person sees for a 4xx/5xx status outside the API.</summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => T("页面不存在，或您无权查看该内容", "Not found, or not yours to see"),
        403 => T("无权访问", "Access denied"),
        400 => T("请求有误", "Bad request"),
        _ => T($"出错了（{Code}）", $"Something went wrong ({Code})"),
    };

    public void OnGet(int code) => Code = code;
}
