using System.Collections.Concurrent;
using Lvyue.Accounts;
using Lvyue.Jobs;
using Lvyue.Notifications;
using Lvyue.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Tests.Jobs;

/// <summary>
/// One "instance" of the app's background side on a <see cref="TestDatabase"/>: its own service provider with
/// the job worker, the notification senders and a <see cref="ProbeJob"/>, sharing the database's clock.
/// Two hosts on one database behave like two app instances.
/// </summary>
internal sealed class JobHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private JobHost(ServiceProvider services) => _services = services;

    public static JobHost Start(TestDatabase db, JobOptions? jobs = null, NotificationOptions? notifications = null, ProbeBehavior? probe = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(db.Clock);
        services.AddLvyueCore(db.Options, db.FileStoreRoot);
        services.AddScoped<ITenantContext>(_ => new FixedTenantContext(TenantScope.None("nobody")));
        services.AddLvyueJobs(jobs ?? new JobOptions());
        services.AddLvyueNotifications(notifications ?? new NotificationOptions());
        services.AddJobTenantOverride();
        services.AddSingleton(probe ?? new ProbeBehavior());
        services.AddScoped<IJobHandler, ProbeJob>();
        return new JobHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    public JobWorker Worker => _services.GetRequiredService<JobWorker>();

    /// <summary>Runs <paramref name="f"/> in a scope acting as the system (as a job would).</summary>
    public async Task<T> AsSystem<T>(Func<IServiceProvider, Task<T>> f)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobTenantOverride>().Scope = TenantScope.System;
        return await f(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>What <see cref="ProbeJob"/> does: records each run and fails while <see cref="FailWith"/> is set.</summary>
internal sealed class ProbeBehavior
{
    public ConcurrentQueue<(long JobId, int Attempt, string? Payload)> Runs { get; } = new();
    public string? FailWith { get; set; }
    /// <summary>When set, the run waits for it (to hold a lease while another worker acts).</summary>
    public TaskCompletionSource? Gate { get; set; }
}

/// <summary>A job kind for the tests of the job mechanism itself.</summary>
internal sealed class ProbeJob(ProbeBehavior behavior) : IJobHandler
{
    public const string JobKind = "test.probe";
    public string Kind => JobKind;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var gate = behavior.Gate;
        behavior.Runs.Enqueue((run.Job.Id, run.Job.Attempts, run.Job.Payload));
        if (gate is not null) await gate.Task.WaitAsync(ct);
        if (behavior.FailWith is { } error) throw new InvalidOperationException(error);
    }
}
