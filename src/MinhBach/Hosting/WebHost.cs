using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Admin;
using MinhBach.Features.Caching;
using MinhBach.Features.Articles;
using MinhBach.Features.Catalogue;
using MinhBach.Features.Compliance;
using MinhBach.Features.Consultations;
using MinhBach.Features.Documents;
using MinhBach.Features.Mail;
using MinhBach.Features.Media;
using MinhBach.Features.Monitor;
using MinhBach.Features.Operations;
using MinhBach.Features.Scheduling;
using MinhBach.Features.Public;
using MinhBach.Features.Scaling;
using MinhBach.Features.Petitions;
using MinhBach.Features.Questions;
using MinhBach.Features.Ratings;
using MinhBach.Features.Registry;
using MinhBach.Features.ReviewReport;
using MinhBach.Features.Search;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;
using MinhBach.Features.Statistics;

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
        builder.Services.AddScaling(builder.Configuration);
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
        builder.Services.AddPetitions();
        builder.Services.AddRatings();
        builder.Services.AddStatistics();
        builder.Services.AddRegistry();
        builder.Services.AddReviewReport();
        builder.Services.AddCompliance();
        builder.Services.AddMonitor();
        builder.Services.AddPublicSite();
        builder.Services.AddPageCache();
        builder.Services.AddAdministration();
        // After AddPublicSite: AddRazorPages replaces the page conventions registered before it.
        builder.Services.AddConsultations();
        builder.Services.AddOperations(builder.Configuration);

        var app = builder.Build();
        app.UseScaling();
        app.UseServiceDefaults();
        app.UseOperations();
        app.UsePublicSite();
        return app;
    }
}
