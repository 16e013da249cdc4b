using Lvyue.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lvyue.Jobs;

/// <summary>
/// Lets a service scope run as the system: a background job has no request, yet services it calls
/// (e.g. the overdue sweep) take the <see cref="ITenantContext"/> of their scope. The job worker sets
/// <see cref="Scope"/>; every other scope keeps its usual context.
/// </summary>
public sealed class JobTenantOverride
{
    public TenantScope? Scope { get; set; }
}

/// <summary>Registration of <see cref="JobTenantOverride"/> around whatever <see cref="ITenantContext"/> the host registered.</summary>
public static class JobTenancy
{
    /// <summary>Wraps the last <see cref="ITenantContext"/> registration; call after the host registered its own.</summary>
    public static IServiceCollection AddJobTenantOverride(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ITenantContext))
                    ?? throw new InvalidOperationException("Register an ITenantContext before the job runner.");
        if (inner.ImplementationType == typeof(OverridableTenantContext)) return services;
        services.TryAddScoped<JobTenantOverride>();
        services.Add(ServiceDescriptor.Scoped<ITenantContext>(sp =>
            new OverridableTenantContext(sp.GetRequiredService<JobTenantOverride>(), () => Create(sp, inner))));
        return services;
    }

    private static ITenantContext Create(IServiceProvider sp, ServiceDescriptor d) =>
        d.ImplementationInstance as ITenantContext
        ?? (ITenantContext?)d.ImplementationFactory?.Invoke(sp)
        ?? (ITenantContext)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);

    private sealed class OverridableTenantContext(JobTenantOverride over, Func<ITenantContext> inner) : ITenantContext
    {
        private ITenantContext? _inner;
        public TenantScope Scope => over.Scope ?? (_inner ??= inner()).Scope;
    }
}
