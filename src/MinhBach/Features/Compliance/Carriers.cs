namespace MinhBach.Features.Compliance;

/// <summary>
/// The vocabulary of carriers: what on a hosted site fulfils a rule. The content carriers are those of
/// data/content-items.json (page, page-en, category, link, documents, org-units, contacts, leaders, schedule);
/// the others are site settings, article bylines, features every site of the platform has, the site's place in
/// the province, and measurements only an outside probe can make.
/// </summary>
public static class Carriers
{
    /// <summary>Site settings a rule may require, with what they mean on screen.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["responsible-person"] = "người chịu trách nhiệm nội dung trên trang chủ",
        ["contact-details"] = "địa chỉ, điện thoại, thư điện tử của cơ quan ở chân trang",
        ["managing-agency"] = "cơ quan chủ quản ở chân trang",
        ["emc"] = "mã theo dõi của Hệ thống EMC",
        ["licence"] = "giấy phép trang thông tin điện tử tổng hợp (với trang tổng hợp)",
    };

    /// <summary>What the platform gives every site it hosts, as the evidence says it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Platform = new Dictionary<string, string>
    {
        ["search"] = "Nền tảng có sẵn chức năng tìm kiếm (/tim-kiem), tìm được cả khi gõ không dấu.",
        ["site-map"] = "Nền tảng có sẵn sơ đồ trang (/so-do-trang) và sitemap.xml.",
        ["rss"] = "Nền tảng có sẵn RSS cho tin bài và văn bản.",
        ["print"] = "Mỗi tin bài có trang in (/in) và bản in gọn.",
        ["mobile"] = "Giao diện tự điều chỉnh trên điện thoại (kiểm thử ở khổ 360 px).",
        ["accessibility"] = "Giao diện đạt WCAG 2.1 AA (kiểm thử tự động bằng axe), có chế độ tương phản cao.",
        ["unicode"] = "Trang dùng UTF-8, chữ tiếng Việt dựng sẵn (NFC).",
        ["metadata"] = "Mỗi trang có dữ liệu đặc tả Dublin Core (DC.title, DC.creator, DC.date …).",
        ["layout"] = "Đầu trang có quốc huy, tên cơ quan; menu có Trang chủ, Giới thiệu, Dịch vụ công trực tuyến, Sơ đồ cổng.",
        ["qna"] = "Nền tảng có sẵn mục Hỏi đáp (/hoi-dap) với mã tra cứu.",
        ["data-api"] = "Văn bản được chia sẻ qua JSON (/api/van-ban) và RSS.",
        ["archive"] = "Tin bài cũ được lưu và tra cứu theo chuyên mục, trang; địa chỉ cũ được chuyển tiếp.",
    };

    /// <summary>The monitor's rule whose result answers an outside measurement (external:ARG).</summary>
    public static readonly IReadOnlyDictionary<string, string> External = new Dictionary<string, string>
    {
        ["ipv6"] = "TEC-02",
        ["https"] = "TEC-03",
        ["performance"] = "TEC-28",
    };

    /// <summary>The limits a pack may give a measured rule ("thresholds"), with what each means. No law gives a figure
    /// (legal-requirements TEC-28): they are the pack's choice.</summary>
    public static readonly IReadOnlyDictionary<string, string> Thresholds = new Dictionary<string, string>
    {
        ["ttfbGoodMs"] = "thời gian tới byte đầu tiên của trang chủ dưới mức này (ms) là tốt",
        ["ttfbPoorMs"] = "thời gian tới byte đầu tiên của trang chủ từ mức này (ms) trở lên là chậm",
    };

    /// <summary>Null when the carrier is understood, else what is wrong with it (Vietnamese, to follow the quoted carrier).</summary>
    public static string? Problem(string carrier, Catalogue.Catalogue catalogue)
    {
        var (type, arg) = Split(carrier);
        return type switch
        {
            "page" or "page-en" => catalogue.PageKind(arg) is null ? $"nói đến loại trang \"{arg}\" không có trong data/page-kinds.json" : null,
            "category" => arg.Length == 0 ? "thiếu đường dẫn chuyên mục" : null,
            "link" => Enum.TryParse<Content.LinkKind>(arg, out _) ? null : $"nói đến loại liên kết \"{arg}\" không có (PublicService, Gazette, DataPortal, Other)",
            "documents" or "schedule" or "component-site" or "domain" or "freshness" => arg.Length == 0 ? null : "không nhận tham số",
            "org-units" or "contacts" => arg is "" or "en" ? null : "chỉ nhận \":en\"",
            "leaders" => arg is "" or "bio" ? null : "chỉ nhận \":bio\"",
            "setting" => Settings.ContainsKey(arg) ? null : $"nói đến cài đặt \"{arg}\" không có ({string.Join(", ", Settings.Keys)})",
            "articles" => arg == "author" ? null : "chỉ nhận \"articles:author\"",
            "platform" => Platform.ContainsKey(arg) ? null : $"nói đến chức năng \"{arg}\" không có ({string.Join(", ", Platform.Keys)})",
            "external" => arg.Length == 0 ? "thiếu tên phép đo (ví dụ external:ipv6)" : null,
            _ => "không phải cách thể hiện đã biết",
        };
    }

    public static (string Type, string Arg) Split(string carrier) =>
        carrier.Split(':', 2) is [var t, var a] ? (t, a) : (carrier, "");

    /// <summary>The administration screen (site-relative) where an editor fills the carrier; null when nothing on the
    /// site can (a platform feature, an outside measurement).</summary>
    public static string? FixPath(string carrier)
    {
        var (type, arg) = Split(carrier);
        return type switch
        {
            "page" => "/quan-tri/trang-gioi-thieu/moi?loai=" + Uri.EscapeDataString(arg),
            "page-en" => "/quan-tri/trang-gioi-thieu/moi?loai=" + Uri.EscapeDataString(arg) + "&ngonngu=en",
            "category" => "/quan-tri/chuyen-muc",
            "link" => "/quan-tri/lien-ket/moi",
            "documents" => "/quan-tri/van-ban/moi",
            "org-units" => "/quan-tri/co-cau-to-chuc",
            "contacts" => arg == "en" ? "/quan-tri/dau-moi" : "/quan-tri/dau-moi/moi",
            "leaders" => "/quan-tri/lanh-dao",
            "schedule" => "/quan-tri/lich-cong-tac",
            "setting" => "/quan-tri/cai-dat",
            "articles" => "/quan-tri/tin-bai",
            "freshness" => "/quan-tri/tin-bai/moi",
            _ => null,
        };
    }
}
