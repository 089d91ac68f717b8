using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Articles;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Scheduling;
using MinhBach.Features.Public;
using MinhBach.Features.Questions;
using MinhBach.Features.Search;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

using MinhBach.Features.Documents;

namespace MinhBach.Hosting;

/// <summary>The web host: one AddX/UseX per feature, shared by `serve`, `demo` and the tests.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        builder.Services.AddMinhBachData(builder.Configuration);
        builder.Services.AddCatalogue();
        builder.Services.AddSites();
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddEditorial();
        builder.Services.AddMedia();
        builder.Services.AddDocuments();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddSearch();
        builder.Services.AddMail(builder.Configuration);
        builder.Services.AddQuestions(builder.Configuration);
        builder.Services.AddPublicSite();
        builder.Services.AddAdministration();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UsePublicSite();
        return app;
    }
}
