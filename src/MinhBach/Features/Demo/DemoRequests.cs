using MinhBach.Features.Catalogue;
using MinhBach.Features.Public;
using MinhBach.Features.Requests;
using MinhBach.Text;

namespace MinhBach.Features.Demo;

/// <summary>What the demo questions and petitions fill in alike: where each was received and who handles it, its
/// deadline, the assignment and the answer.</summary>
internal static class DemoRequests
{
    /// <summary>A made-up address from the requester's name (example.vn never delivers).</summary>
    public static string Email(string name) => VietnameseText.Slugify(name).Replace("-", ".", StringComparison.Ordinal) + "@example.vn";

    public static T Routed<T>(T r, WorkingCalendar calendar, int receivedOn, int handledBy, DateTime received, int answerDays, string? answer, DateTime? answered)
        where T : RoutedRequest
    {
        r.SiteId = receivedOn;
        r.HandlingSiteId = handledBy;
        r.DueOn = calendar.AddWorkingDays(DateOnly.FromDateTime(VnTime.ToLocal(received)), answerDays);
        r.AssignedAt = receivedOn == handledBy ? null : received.AddDays(1);
        r.AssignedByName = receivedOn == handledBy ? null : "Phạm Thị Hằng";
        r.Answer = answer;
        r.AnsweredAt = answered;
        r.AnsweredByName = answer is null ? null : "Biên tập viên";
        r.HandlingBaseUrl = "";
        return r;
    }
}
