using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Demo;
using Lvyue.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue;

/// <summary>Registers the capabilities of Lvyue.Core; the web host and the command line both call it.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddLvyueCore(this IServiceCollection services, DatabaseOptions database,
        string fileStoreRoot, SecurityOptions? security = null)
    {
        security ??= new SecurityOptions();
        services.AddLvyueData(database);
        services.AddSingleton(security);
        services.AddSingleton(new FileStore(fileStoreRoot));
        services.AddSingleton(new FilingOptions());
        services.AddScoped<FilingService>();
        services.AddScoped<Review.Reviews.ContractReviewService>();
        services.AddScoped<Review.Reports.ReviewReportService>();
        Review.Batch.ReviewBatchServices.AddReviewBatch(services);
        services.AddSingleton<Review.Profiles.RuleProfileCache>();
        services.AddScoped<Review.Profiles.RuleProfileService>();
        services.AddScoped<LedgerQuery>();
        services.AddScoped<Dashboard>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<Integration.ApiTokenService>();
        services.AddScoped<Organizations.OrganizationService>();
        services.AddScoped<RegionPolicyService>();
        services.AddScoped<TaxonomyService>();
        services.AddScoped<Notary.NotaryLog>();
        services.AddScoped<Notary.NotaryGrowth>();
        services.AddScoped<Notary.NotaryAudit>();
        services.AddScoped<Notary.INotaryRecorder, Notary.NotaryRecorder>();
        services.AddScoped<Notary.NotaryCheckpointer>();
        services.AddScoped<Notary.NotaryLookup>();
        Notary.Signatures.SignatureServices.AddSignatures(services, fileStoreRoot);
        services.AddScoped<AccountService>();
        Performance.PerformanceServiceCollectionExtensions.AddPerformance(services);
        Performance.Payments.PerformanceRecordsServices.AddChangesAcceptancePayments(services);
        Evaluation.EvaluationServiceCollectionExtensions.AddEvaluationAndCredit(services);
        Credit.Kpi.KpiServiceCollectionExtensions.AddKpiAndDisclosure(services);
        Risk.RiskServiceCollectionExtensions.AddRisk(services);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = security.PasswordMinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = security.LockoutFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LvyueDbContext>()
            .AddPasswordValidator<CharacterKindsPasswordValidator>();
        return services;
    }
}
