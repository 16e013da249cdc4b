using Lvyue.Data;

namespace Lvyue.Web.Hosting;

/// <summary>The web host's data root: configuration <c>DataRoot</c>, else <see cref="DataPaths.FindRoot"/> from the content root.</summary>
public static class WebDataRoot
{
    public static string Of(IConfiguration config, IWebHostEnvironment env) =>
        config["DataRoot"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DataPaths.FindRoot(env.ContentRootPath);
}
