using MinhBach.Features.Accounts;
using MinhBach.Features.Sites;
using MinhBach.Features.Statistics;

namespace MinhBach.Features.Public;

/// <summary>Server-rendered public pages of every site: Razor Pages under Features/, plus feeds and sitemaps.</summary>
public static class PublicSiteSetup
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // English information reuses the Vietnamese pages, which switch language by path.
            o.Conventions.AddPageRoute("/Content/Organisation", "en/organisation");
            o.Conventions.AddPageRoute("/Content/Leaders", "en/leaders");
            o.Conventions.AddPageRoute("/Content/Contacts", "en/contacts");
            o.Conventions.AddPageRoute("/Admin/Articles/ArticleEdit", "quan-tri/tin-bai/moi");
            // Administration: every page needs a role on the site of the request unless it says otherwise.
            o.Conventions.AuthorizeFolder("/Admin", Accounts.SitePolicies.Read);
            o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(Admin.TwoFactorGate))));
        });
        // Vietnamese letters go out as UTF-8, not as numeric character references (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<SiteChrome>();
        services.AddScoped<Admin.TwoFactorGate>();
        services.AddScoped<SitemapBuilder>();
        services.AddHttpContextAccessor();
        return services;
    }

    public static WebApplication UsePublicSite(this WebApplication app)
    {
        // A page read many times a second is answered here, from the bytes and headers that went out (issue 9).
        app.UseMiddleware<Caching.ServeHotCopyMiddleware>();
        app.UseMiddleware<Security.SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/loi/500");
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        Caching.StaticAssetSetup.UseFingerprintedAssets(app);
        app.UseSites();
        // Counts what a person was served, whoever produced it: keep it before UseOutputCache (issue 9).
        app.UseVisitCounting();
        Caching.PageCacheSetup.UsePageCache(app);
        app.UseRouting();
        app.UseAccounts();
        app.UseRateLimiter();
        Caching.StaticAssetSetup.MapFingerprintedAssets(app);
        // Pages know the fingerprinted addresses, so asp-append-version writes /assets/site.{hash}.css.
        app.MapRazorPages().WithStaticAssets();
        app.MapFeeds();
        Documents.DocumentsApi.MapDocuments(app);
        Consultations.ConsultationsSetup.MapConsultations(app);
        Search.SearchSetup.MapSearchApi(app);
        Media.MediaSetup.MapMedia(app);
        StatisticsApi.Map(app);
        return app;
    }
}
