using MinhBach.Features.Accounts;

namespace MinhBach.Features.Admin;

/// <summary>The administration menu: only what the user's role on this site lets them use.</summary>
public static class AdminMenu
{
    public static IReadOnlyList<(string Path, string Label)> Items(SiteAccess access, Sites.Site? site = null)
    {
        var items = new List<(string, string)> { ("/quan-tri", "Bảng điều khiển"), ("/quan-tri/tin-bai", "Tin bài"), ("/quan-tri/thu-vien-anh", "Thư viện ảnh"), ("/quan-tri/hoi-dap", "Hỏi đáp"), ("/quan-tri/phan-anh-kien-nghi", "Phản ánh, kiến nghị"), ("/quan-tri/lay-y-kien", "Lấy ý kiến dự thảo"), ("/quan-tri/thong-ke", "Thống kê") };
        // Editors change these; a province reviewer reads them.
        if (access.Has(SiteRole.Editor) || (access.Role is null && access.User?.IsProvinceReviewer == true))
            items.AddRange(ContentEditors);
        if (access.Has(SiteRole.Editor) || access.User?.IsProvinceReviewer == true)
            items.AddRange([("/quan-tri/de-xuat", "Đề xuất đăng lại"), ("/quan-tri/thu-di", "Thư đi"),
                ("/quan-tri/muc-do-hai-long", "Đánh giá hài lòng"), ("/quan-tri/tuan-thu", "Tuân thủ")]);
        if (access.User is { IsProvinceReviewer: true } or { IsSystemAdmin: true })
            items.Add(("/quan-tri/danh-gia", "Đánh giá toàn tỉnh"));
        if (access.Has(SiteRole.EditorInChief))
            items.Add(("/quan-tri/nhuan-but", "Nhuận bút"));
        if (access.Has(SiteRole.SiteAdmin))
            items.AddRange([("/quan-tri/ban-bien-tap", "Ban biên tập"), ("/quan-tri/cai-dat", "Cài đặt trang")]);
        if (access.Has(SiteRole.SiteAdmin) || access.User?.IsProvinceReviewer == true)
            items.Add(("/quan-tri/nhat-ky", "Nhật ký"));
        // The province's registry lives in the portal's administration.
        if (site is { Slug: "", ParentId: null } && Registry.RegistryPageModel.CanUse(access))
            items.Add((Registry.RegistryPageModel.Path, "Sổ theo dõi"));
        items.Add(("/quan-tri/tai-khoan", "Tài khoản và bảo mật"));
        return items;
    }

    public static readonly IReadOnlyList<(string Path, string Label)> ContentEditors =
    [
        ("/quan-tri/chuyen-muc", "Chuyên mục"),
        ("/quan-tri/trang-gioi-thieu", "Giới thiệu"),
        ("/quan-tri/co-cau-to-chuc", "Cơ cấu tổ chức"),
        ("/quan-tri/lanh-dao", "Lãnh đạo"),
        ("/quan-tri/dau-moi", "Cán bộ đầu mối"),
        ("/quan-tri/van-ban", "Văn bản"),
        ("/quan-tri/lich-cong-tac", "Lịch công tác"),
        ("/quan-tri/lien-ket", "Liên kết"),
    ];
}
