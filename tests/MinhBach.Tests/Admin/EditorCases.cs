using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;
using MinhBach.Features.Documents;
using MinhBach.Features.Schedules;
using MinhBach.Features.Sites;

namespace MinhBach.Tests.Admin;

/// <summary>
/// One content editor as the access and conflict tests see it: where it lives, a row of site A written straight to the
/// database, fields that a form would accept (and a second, different set, for a second editor), a snapshot of the row
/// to prove that a refused post changed nothing, and the target type of its audit entries.
/// </summary>
public sealed record EditorCase(
    string Name,
    string Path,
    Func<EditorsWorld, Task<int>> SeedAsync,
    (string Name, string Value)[] ValidFields,
    Func<AppDb, int, Task<string?>> SnapshotAsync,
    Func<AppDb, int, Task<int>> CountOfSiteAsync,
    string AuditType,
    (string Name, string Value)[] OtherFields)
{
    public override string ToString() => Name;

    public static async Task<string?> Snapshot<T>(AppDb db, int id) where T : class =>
        await db.Set<T>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => EF.Property<int>(x, "Id") == id) is { } row
            ? JsonSerializer.Serialize(row, row.GetType())
            : null;

    public static Task<int> Count<T>(AppDb db, int siteId) where T : class, ISiteOwned =>
        db.Set<T>().IgnoreQueryFilters().CountAsync(x => x.SiteId == siteId);

    private static Task<int> AddAsync<T>(EditorsWorld w, T row) where T : class =>
        w.DbAsync(async db =>
        {
            db.Add(row);
            await db.SaveChangesAsync();
            return (int)db.Entry(row).Property("Id").CurrentValue!;
        });

    public static readonly IReadOnlyList<EditorCase> All =
    [
        new("chuyên mục", "chuyen-muc",
            w => AddAsync(w, new Category { SiteId = w.SoA.Id, Slug = "tin-so-a", Name = "Tin của Sở A", Order = 1 }),
            [("Form.Name", "Tin mới"), ("Form.Order", "2")],
            Snapshot<Category>, Count<Category>,
            "category", [("Form.Name", "Tin hoạt động của Sở"), ("Form.Order", "5")]),
        new("trang giới thiệu", "trang-gioi-thieu",
            w => AddAsync(w, new Page { SiteId = w.SoA.Id, Language = "vi", Kind = "overview", Slug = "gioi-thieu-chung", Title = "Giới thiệu Sở A", Body = "<p>Sở A</p>" }),
            [("Form.Language", "vi"), ("Form.Kind", "history"), ("Form.Title", "Lịch sử"), ("Form.Body", "<p>Thành lập năm 1976.</p>")],
            Snapshot<Page>, Count<Page>,
            "page", [("Form.Language", "vi"), ("Form.Kind", "history"), ("Form.Title", "Lịch sử hình thành"), ("Form.Body", "<p>Thành lập năm 1991.</p>")]),
        new("đơn vị", "co-cau-to-chuc",
            w => AddAsync(w, new OrgUnit { SiteId = w.SoA.Id, Name = "Văn phòng Sở A" }),
            [("Form.Name", "Phòng Kế hoạch - Tài chính")],
            Snapshot<OrgUnit>, Count<OrgUnit>,
            "org-unit", [("Form.Name", "Phòng Tổ chức - Hành chính"), ("Form.Head", "Trưởng phòng Đỗ Văn G")]),
        new("lãnh đạo", "lanh-dao",
            w => AddAsync(w, new Leader { SiteId = w.SoA.Id, Slug = "nguyen-van-a", FullName = "Nguyễn Văn A", Title = "Giám đốc Sở" }),
            [("Form.FullName", "Trần Thị B"), ("Form.Title", "Phó Giám đốc Sở")],
            Snapshot<Leader>, Count<Leader>,
            "leader", [("Form.FullName", "Hoàng Văn E"), ("Form.Title", "Giám đốc Sở")]),
        new("cán bộ đầu mối", "dau-moi",
            w => AddAsync(w, new Contact { SiteId = w.SoA.Id, FullName = "Lê Văn C", Title = "Chánh Văn phòng", Phone = "0203 3812 345" }),
            [("Form.FullName", "Phạm Thị D"), ("Form.Title", "Chuyên viên"), ("Form.Phone", "0203 3812 346")],
            Snapshot<Contact>, Count<Contact>,
            "contact", [("Form.FullName", "Phạm Thị D"), ("Form.Title", "Chánh Văn phòng"), ("Form.Email", "d.pt@so-a.gov.vn")]),
        new("văn bản", "van-ban",
            w => AddAsync(w, new Document { SiteId = w.SoA.Id, Slug = "01-qd-soa", Number = "01/QĐ-SOA", TypeCode = "quyet-dinh", Title = "Quyết định ban hành quy chế", IssuingBody = "Sở A", IssuedOn = new DateOnly(2026, 1, 5), CreatedAt = DateTime.UtcNow }),
            [("Form.Number", "02/QĐ-SOA"), ("Form.TypeCode", "quyet-dinh"), ("Form.Title", "Quyết định khác"), ("Form.IssuingBody", "Sở A"), ("Form.IssuedOn", "2026-02-01")],
            Snapshot<Document>, Count<Document>,
            "document", [("Form.Number", "03/QĐ-SOA"), ("Form.TypeCode", "quyet-dinh"), ("Form.Title", "Quyết định về công tác văn thư"), ("Form.IssuingBody", "Sở A"), ("Form.IssuedOn", "2026-02-10")]),
        new("lịch công tác", "lich-cong-tac",
            w => AddAsync(w, new ScheduleEntry { SiteId = w.SoA.Id, Date = new DateOnly(2026, 3, 2), Participants = "Giám đốc Sở", Content = "Giao ban tuần", Location = "Phòng họp số 1" }),
            [("Form.Date", "2026-03-03"), ("Form.Content", "Họp chi bộ"), ("Form.Participants", "Giám đốc Sở")],
            Snapshot<ScheduleEntry>, Count<ScheduleEntry>,
            "schedule", [("Form.Date", "2026-03-04"), ("Form.Content", "Làm việc với UBND huyện"), ("Form.Participants", "Phó Giám đốc Sở")]),
        new("liên kết", "lien-ket",
            w => AddAsync(w, new SiteLink { SiteId = w.SoA.Id, Kind = LinkKind.Gazette, Title = "Công báo tỉnh", Url = "https://congbao.tinh.gov.vn" }),
            [("Form.Kind", "Other"), ("Form.Title", "Cổng dữ liệu"), ("Form.Url", "https://data.tinh.gov.vn")],
            Snapshot<SiteLink>, Count<SiteLink>,
            "link", [("Form.Kind", "DataPortal"), ("Form.Title", "Cổng dữ liệu mở"), ("Form.Url", "https://opendata.tinh.gov.vn")]),
    ];
}
