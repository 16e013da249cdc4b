using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser;

/// <summary>
/// One browser context and its page. <see cref="RunAsync"/> runs a scenario and, when it fails, saves a
/// full-page screenshot to TestResults/playwright-screenshots/&lt;name&gt;.png under the test project.
/// </summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, string name) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public IBrowserContext Context { get; } = context;

    /// <summary>Where failure screenshots go (git-ignored).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Lvyue.Web.Tests.csproj")))
                    return Path.Combine(dir.FullName, "TestResults", "playwright-screenshots");
            }
            return Path.Combine(AppContext.BaseDirectory, "TestResults", "playwright-screenshots");
        }
    }

    public async Task RunAsync(Func<IPage, Task> scenario)
    {
        try
        {
            await scenario(Page);
        }
        catch (Exception failure)
        {
            var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
            try
            {
                Directory.CreateDirectory(ScreenshotDirectory);
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            }
            catch (PlaywrightException e)
            {
                throw new AggregateException($"{name} failed, and so did its screenshot: {e.Message}", failure);
            }
            throw new Xunit.Sdk.XunitException($"{failure.Message}{Environment.NewLine}(screenshot: {path}, page: {Page.Url}){Environment.NewLine}{failure}");
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
