using System.Globalization;
using Lvyue.Accounts;
using Lvyue.Contracts;
using Lvyue.Data;
using Lvyue.Integration;
using Lvyue.Web.Api;
using Lvyue.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Lvyue.Web.Hosting;

/// <summary>Service registration and the request pipeline of the web host.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddLvyueWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var dataRoot = WebDataRoot.Of(config, builder.Environment);
        var database = DataPaths.Resolve(config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions(), dataRoot);
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        var fileRoot = DataPaths.ResolveFolder(config["Files:Root"] ?? "data/files", dataRoot);

        services.AddLvyueCore(database, fileRoot, security);
        var filing = config.GetSection("Filing").Get<FilingOptions>() ?? new FilingOptions();
        services.AddSingleton(filing);
        services.AddLvyueImportExport();
        builder.AddLvyueNotary(dataRoot, fileRoot);
        builder.AddLvyueSignatures(dataRoot, fileRoot);
        // Cookies must decrypt on every instance: the key ring lives in the shared file store.
        services.AddDataProtection().SetApplicationName("Lvyue")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(fileRoot, "keys")));
        services.AddHttpContextAccessor();
        services.AddScoped<ITenantContext, HttpTenantContext>();
        // Durable jobs, reminders and notification channels (after the tenant context, which the job runner wraps).
        services.AddLvyueJobRunner(config);
        // The review rule library compiles in the background at start, not in the first upload.
        services.AddHostedService<RuleLibraryWarmup>();
        services.AddHostedService<RuleProfileWarmup>();
        builder.AddShiftedClock();
        services.AddLvyueAuth(security);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizePage("/Account/ChangePassword");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AuthorizeFolder("/Contracts", Policies.ContractReaders);
            o.Conventions.AuthorizeFolder("/Approvals", Policies.Approvers);
            o.Conventions.AuthorizeFolder("/Audit", Policies.AuditAdmin);
            o.Conventions.AuthorizeFolder("/Admin", Policies.AccountAdmins);
            o.Conventions.AuthorizeFolder("/Settings", Policies.RegionSettings);
        });
        services.AddProblemDetails();
        services.AddLvyueApi();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Lvyue (履约) API";
            doc.Info.Description = "Contract filing, the ledger and organizations. Authenticate with a bearer API token issued by a system administrator, or the browser session.";
            return Task.CompletedTask;
        }));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // The request may carry the document plus the form: allow the document limit and some room.
        var bodyLimit = filing.MaxDocumentBytes + 10L * 1024 * 1024;
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = bodyLimit);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimit);
        // Pages carry Chinese as characters, not as &#x...; entities (HTML-sensitive characters are still encoded).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseLvyueWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        // The API answers errors with problem details; people get a page in their language.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapLvyueApi();
        app.MapRazorPages();
        app.MapGet("/Contracts/Export", ImportsApi.Export).RequireAuthorization(Policies.ContractReaders).ExcludeFromDescription();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
