using MinhBach.Features.Requests;

namespace MinhBach.Features.Petitions;

public enum PetitionStatus
{
    /// <summary>Received by the site it was sent to, not yet passed to another unit.</summary>
    Received = 0,
    /// <summary>Passed to another unit (site) of the province, which handles it.</summary>
    Assigned = 1,
    /// <summary>Answered; the answer was sent to the petitioner.</summary>
    Answered = 2,
    /// <summary>Answered and published, in public wording, on the site it was sent to and the one that answered.</summary>
    Published = 3,
}

/// <summary>
/// A petition (phản ánh, kiến nghị) of a citizen or business about an administrative matter (INF-16: handling of and
/// replies to petitions). Owned by the site it was sent to (SiteId); <see cref="HandlingSiteId"/> is the unit that
/// answers it. The petitioner's name, contact and address are never shown on a public page: what is published is the
/// public wording an editor gives.
/// </summary>
public sealed class Petition : RoutedRequest
{
    public string PetitionerName { get; set; } = "";
    public string? PetitionerEmail { get; set; }
    public string? PetitionerPhone { get; set; }
    public string? PetitionerAddress { get; set; }
    public string Subject { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public PetitionStatus Status { get; set; }

    public string? PublicSubject { get; set; }
    public string? PublicContent { get; set; }

    /// <summary>Absolute address of the site it was sent to, as the petitioner reached it (for the links in mail).</summary>
    public string? SubmittedBaseUrl { get; set; }

    public override RequestStage Stage => (RequestStage)Status;
    public override void MoveTo(RequestStage stage) => Status = (PetitionStatus)stage;
    public override string? RequesterEmail => PetitionerEmail;
    public override string? RequesterPhone => PetitionerPhone;
    public override string Heading => Subject;
    public override DateTime ReceivedAt => SubmittedAt;
    public override string? PublicHeading => PublicSubject;
    public override string? PublicBody => PublicContent;

    public override void SetPublicWording(string heading, string body)
    {
        PublicSubject = heading;
        PublicContent = body;
    }
}

public static class PetitionStatusNames
{
    public static string Vietnamese(PetitionStatus s) => s switch
    {
        PetitionStatus.Received => "Đã tiếp nhận",
        PetitionStatus.Assigned => "Đã chuyển đơn vị xử lý",
        PetitionStatus.Answered => "Đã trả lời",
        _ => "Đã trả lời và công khai",
    };
}

/// <summary>Site-relative addresses of the petition pages.</summary>
public static class PetitionUrls
{
    public const string List = "/phan-anh-kien-nghi";
    public const string Submit = "/phan-anh-kien-nghi/gui";
    public const string Track = "/phan-anh-kien-nghi/tra-cuu";
    public const string Admin = "/quan-tri/phan-anh-kien-nghi";
    public static string Detail(int id) => $"/phan-anh-kien-nghi/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    public static string AdminDetail(int id) => $"{Admin}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>What the public detail and tracking pages say.</summary>
    public static readonly RequestPublicTexts Pages = new("Phản ánh, kiến nghị", List, Detail, Track, "phản ánh, kiến nghị", TrackingCode.Petition,
        TrackTitle: "Tra cứu phản ánh, kiến nghị", TrackDescription: "Xem tình trạng xử lý phản ánh, kiến nghị bằng mã tra cứu.", TrackCrumb: "Tra cứu");
}
