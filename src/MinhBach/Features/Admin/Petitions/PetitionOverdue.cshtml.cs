using MinhBach.Features.Petitions;
using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin.Petitions;

/// <summary>/quan-tri/phan-anh-kien-nghi/qua-han: open petitions this site received or handles, per handling unit, overdue first.</summary>
public sealed class PetitionOverdueModel(PetitionService petitions, SiteDirectory directory)
    : RequestOverdueModel<Petition>(petitions, directory, "Phản ánh, kiến nghị quá hạn theo đơn vị");
