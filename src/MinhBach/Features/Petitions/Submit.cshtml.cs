using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Petitions;

/// <summary>/phan-anh-kien-nghi/gui: the form a citizen or business sends a petition with (see
/// <see cref="RequestFormModel{TOptions}"/>).</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[UploadLimit]
public sealed class SubmitModel(PetitionService petitions, CurrentSite current, IOptions<PetitionOptions> options)
    : RequestFormModel<PetitionOptions>(current, options)
{
    [BindProperty] public string? PetitionerName { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? PetitionContent { get; set; }

    public Petition? Sent { get; private set; }

    protected override string Noun => "phản ánh, kiến nghị";
    protected override string ActorName => PetitionService.Petitioner;
    protected override string SentTitle => "Đã gửi phản ánh, kiến nghị";

    protected override async Task<IReadOnlyList<string>> SendAsync(IncomingFile? file, string baseUrl, AuditActor actor, CancellationToken ct)
    {
        var result = await petitions.SubmitAsync(Site, new PetitionForm(PetitionerName, Email, Phone, Address, Subject, PetitionContent, Consent),
            file, SubmissionKey, baseUrl, actor, ct);
        Sent = result.Request;
        return result.Errors;
    }

    protected override PageMeta FormMeta() => new()
    {
        Title = "Gửi phản ánh, kiến nghị",
        Description = $"Gửi phản ánh, kiến nghị đến {Site.AgencyName}; trả lời trong {WorkingDays} ngày làm việc.",
        CanonicalPath = PetitionUrls.Submit,
        Breadcrumbs = [("Phản ánh, kiến nghị", PetitionUrls.List), ("Gửi phản ánh, kiến nghị", null)],
    };
}
