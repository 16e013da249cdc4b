using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Review.Batch;

/// <summary>Registers the re-review of the archive: the service and the job that runs its chunks.</summary>
public static class ReviewBatchServices
{
    public static IServiceCollection AddReviewBatch(this IServiceCollection services)
    {
        services.AddScoped<ReviewBatchService>();
        services.AddScoped<Jobs.IJobHandler, ReviewBatchJob>();
        return services;
    }
}
