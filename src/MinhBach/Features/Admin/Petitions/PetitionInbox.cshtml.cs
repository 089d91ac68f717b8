using MinhBach.Features.Petitions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Petitions;

/// <summary>/quan-tri/phan-anh-kien-nghi: the petitions this site handles, those it passed to other units (read-only),
/// answered ones (see <see cref="RequestInboxModel{T}"/>).</summary>
public sealed class PetitionInboxModel(PetitionService petitions, SiteDirectory directory, TimeProvider clock)
    : RequestInboxModel<Petition>(petitions, directory, clock, Texts)
{
    private static readonly RequestInboxTexts Texts = new("Phản ánh, kiến nghị",
    [
        ("can-xu-ly", "Cần xử lý"), ("qua-han", "Quá hạn"), ("da-chuyen", "Đã chuyển đơn vị khác"), ("da-tra-loi", "Đã trả lời"), ("tat-ca", "Tất cả"),
    ]);
}
