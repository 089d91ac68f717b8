using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MinhBach.Data;
using MinhBach.Features.Documents;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;
using MinhBach.Features.Requests;

namespace MinhBach.Features.Consultations;

/// <summary>Site-relative addresses of the consultation pages.</summary>
public static class ConsultationUrls
{
    public const string List = "/lay-y-kien";
    public static string Detail(string slug) => $"/lay-y-kien/{slug}";
    public static string Comment(string slug) => $"/lay-y-kien/{slug}/gop-y";
    public static string Comment(string slug, int? article, int? clause = null) => Comment(slug) + (article is int a
        ? "?dieu=" + a.ToString(CultureInfo.InvariantCulture) + (clause is int k ? "." + k.ToString(CultureInfo.InvariantCulture) : "")
        : "");
    public static string File(string slug, int id) => $"/lay-y-kien/{slug}/tep/{id.ToString(CultureInfo.InvariantCulture)}";
    public static string Synthesis(string slug) => $"/lay-y-kien/{slug}/bang-tong-hop";
    public const string Admin = "/quan-tri/lay-y-kien";
    public static string AdminDetail(int id) => $"/quan-tri/lay-y-kien/{id.ToString(CultureInfo.InvariantCulture)}";
    public static string AdminEdit(int id) => $"/quan-tri/lay-y-kien/{id.ToString(CultureInfo.InvariantCulture)}/sua";
    public const string AdminNew = "/quan-tri/lay-y-kien/moi";
}

/// <summary>Consultation on drafts: the service, the administration folder's access rules, the file downloads.</summary>
public static class ConsultationsSetup
{
    /// <summary>The administration pages of this feature live beside it, under Consultations/Admin; they get the same
    /// rules as everything under Features/Admin: a role on the site of the request, and the two-factor gate.</summary>
    public const string AdminFolder = "/Consultations/Admin";

    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddRequestRouting();
        services.AddScoped<ConsultationService>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(AdminFolder, Accounts.SitePolicies.Read);
            o.Conventions.AddFolderApplicationModelConvention(AdminFolder, m => m.Filters.Add(new ServiceFilterAttribute(typeof(MinhBach.Features.Admin.TwoFactorGate))));
            o.Conventions.AddPageRoute(AdminFolder + "/ConsultationEdit", ConsultationUrls.AdminNew.TrimStart('/'));
        });
        return services;
    }

    public static void MapConsultations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lay-y-kien/{slug}/tep/{id:int}", FileAsync);
        app.MapGet("/lay-y-kien/{slug}/bang-tong-hop", SynthesisAsync);
    }

    /// <summary>A draft's file: a PDF opens in the browser, sandboxed; DOC and DOCX download, under their original name.</summary>
    private static async Task<IResult> FileAsync(string slug, int id, AppDb db, IFileStore store, HttpContext http)
    {
        var file = await (from f in db.ConsultationFiles.AsNoTracking()
                          join c in db.Consultations.AsNoTracking() on f.ConsultationId equals c.Id
                          where f.Id == id && c.Slug == slug && c.IsPublic
                          select f).FirstOrDefaultAsync(http.RequestAborted);
        var stream = file is null ? null : store.OpenRead(file.Path);
        if (file is null || stream is null) return Results.NotFound();
        var inline = file.Format == DocumentFileFormat.Pdf;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.OriginalName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        if (inline) http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.Stream(stream, DocumentFormats.ContentType(file.Format), enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>The published synthesis table; 404 until it is published.</summary>
    private static async Task<IResult> SynthesisAsync(string slug, AppDb db, IFileStore store, HttpContext http)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug && x.IsPublic && x.SynthesisPath != null, http.RequestAborted);
        var stream = c?.SynthesisPath is { } path ? store.OpenRead(path) : null;
        if (c is null || stream is null) return Results.NotFound();
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(SynthesisDocument.FileName(c));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, SynthesisDocument.ContentType);
    }
}
