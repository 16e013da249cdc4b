using Lvyue.Review.Rules;

namespace Lvyue.Web.Hosting;

/// <summary>
/// Compiles the embedded review rule library once, in the background, when the host starts: parsing and compiling a
/// thousand rules takes seconds, which the first document upload would otherwise wait for. The library is a
/// process-wide lazy value, so several hosts in one process (the tests) compile it once.
/// </summary>
public sealed class RuleLibraryWarmup(ILogger<RuleLibraryWarmup> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var set = RuleLibrary.Default;
            log.LogInformation("Review rule library {Version}: {Count} rules compiled", set.Version, set.Rules.Count);
        }
        catch (RuleLoadException e)
        {
            // The embedded set is checked by the test suite (every example of every rule); log rather than stop the host.
            log.LogError(e, "The embedded review rule library could not be loaded");
        }
    }, stoppingToken);
}
