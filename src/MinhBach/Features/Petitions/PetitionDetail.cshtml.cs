using MinhBach.Features.Requests;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Petitions;

/// <summary>/phan-anh-kien-nghi/{id}: one published petition with its answer, on the site it was sent to and on the one
/// that answered (see <see cref="RequestDetailModel{T}"/>).</summary>
public sealed class PetitionDetailModel(PetitionService petitions, SiteDirectory directory)
    : RequestDetailModel<Petition>(petitions, directory, PetitionUrls.Pages)
{
    public Petition Petition => Item;
}
