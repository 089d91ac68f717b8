using Microsoft.AspNetCore.RateLimiting;
using MinhBach.Features.Requests;
using MinhBach.Features.Security;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Petitions;

/// <summary>/phan-anh-kien-nghi/tra-cuu: the status of a petition by its tracking code (see <see cref="RequestTrackModel{T}"/>);
/// never the petitioner's name, address or contact details.</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class TrackModel(PetitionService petitions, SiteDirectory directory)
    : RequestTrackModel<Petition>(petitions, directory, PetitionUrls.Pages)
{
    public Site? SentTo => ReceivedOn;
}
