using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Petitions;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Petitions;

/// <summary>/quan-tri/phan-anh-kien-nghi: the petitions this site handles, those it passed to other units (read-only), answered ones.</summary>
public sealed class PetitionInboxModel(PetitionService petitions, SiteDirectory directory, TimeProvider clock) : AdminPageModel
{
    public static readonly IReadOnlyList<(string Key, string Label)> Views =
    [
        ("can-xu-ly", "Cần xử lý"), ("qua-han", "Quá hạn"), ("da-chuyen", "Đã chuyển đơn vị khác"), ("da-tra-loi", "Đã trả lời"), ("tat-ca", "Tất cả"),
    ];

    public string View { get; private set; } = "can-xu-ly";
    public IReadOnlyList<Petition> Items { get; private set; } = [];
    public IReadOnlyDictionary<int, Site> Sites { get; private set; } = new Dictionary<int, Site>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? xem, CancellationToken ct)
    {
        Title = "Phản ánh, kiến nghị";
        View = Views.Any(v => v.Key == xem) ? xem! : "can-xu-ly";
        Today = Public.VnTime.Today(clock);
        var today = Today;
        var me = Site.Id;
        var q = petitions.Involving(Site).AsNoTracking();
        q = View switch
        {
            "can-xu-ly" => q.Where(x => x.HandlingSiteId == me && (x.Status == PetitionStatus.Received || x.Status == PetitionStatus.Assigned)),
            "qua-han" => q.Where(x => (x.Status == PetitionStatus.Received || x.Status == PetitionStatus.Assigned) && x.DueOn < today),
            "da-chuyen" => q.Where(x => x.SiteId == me && x.HandlingSiteId != me),
            "da-tra-loi" => q.Where(x => x.Status == PetitionStatus.Answered || x.Status == PetitionStatus.Published),
            _ => q,
        };
        Items = View is "can-xu-ly" or "qua-han"
            ? await q.OrderBy(x => x.DueOn).ThenBy(x => x.Id).Take(500).ToListAsync(ct)
            : await q.OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id).Take(500).ToListAsync(ct);
        Sites = (await directory.GetAsync(ct)).ById;
    }
}
