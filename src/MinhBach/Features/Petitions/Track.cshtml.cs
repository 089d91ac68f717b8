using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Petitions;

/// <summary>/phan-anh-kien-nghi/tra-cuu: the status of a petition by its tracking code (see <see cref="RequestTrackModel{T}"/>);
/// never the petitioner's name, address or contact details.</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class TrackModel(PetitionService petitions, SiteDirectory directory) : RequestTrackModel<Petition>(directory)
{
    public Site? SentTo => ReceivedOn;

    protected override TrackingCode Codes => TrackingCode.Petition;
    protected override Task<Petition?> FindAsync(string code, CancellationToken ct) => petitions.FindByCodeAsync(code, ct);
    protected override bool IsPublished(Petition request) => request.Status == PetitionStatus.Published;
    protected override string NotFoundText(string code) =>
        $"Không tìm thấy phản ánh, kiến nghị có mã {code}. Hãy kiểm tra lại mã trong thư xác nhận.";

    protected override PageMeta TrackMeta() => new()
    {
        Title = "Tra cứu phản ánh, kiến nghị",
        Description = "Xem tình trạng xử lý phản ánh, kiến nghị bằng mã tra cứu.",
        CanonicalPath = PetitionUrls.Track,
        Breadcrumbs = [("Phản ánh, kiến nghị", PetitionUrls.List), ("Tra cứu", null)],
    };
}
