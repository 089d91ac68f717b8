using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.OrgChart;

/// <summary>Create, edit and delete a unit of the organisation chart; its parent is another unit of this site, never itself or a unit below it.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class OrgUnitEditModel : ContentEditorPageModel<OrgUnit, OrgUnitEditModel.UnitForm>
{
    public sealed class UnitForm
    {
        [Display(Name = "Đơn vị cấp trên")] public int? ParentId { get; set; }
        [Display(Name = "Tên đơn vị")] public string? Name { get; set; }
        [Display(Name = "Tên tiếng Anh")] public string? NameEn { get; set; }
        [Display(Name = "Người đứng đầu")] public string? Head { get; set; }
        [Display(Name = "Chức năng, nhiệm vụ")] public string? Functions { get; set; }
        [Display(Name = "Chức năng, nhiệm vụ (tiếng Anh)")] public string? FunctionsEn { get; set; }
        [Display(Name = "Điện thoại")] public string? Phone { get; set; }
        [Display(Name = "Email")] public string? Email { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    private List<OrgUnit> _units = [];

    public int ChildCount { get; private set; }
    /// <summary>Units that may be the parent: all but this one and those below it, in tree order.</summary>
    public IReadOnlyList<(OrgUnit Unit, int Depth)> Parents { get; private set; } = [];

    protected override string ListPath => "/quan-tri/co-cau-to-chuc";
    protected override string AuditType => "org-unit";
    protected override string Noun => "đơn vị";
    protected override string NewTitle => "Thêm đơn vị";
    protected override string EditTitle => "Sửa đơn vị";

    protected override string Describe(OrgUnit u) => $"đơn vị \"{u.Name}\"";

    protected override async Task LoadMoreAsync(CancellationToken ct)
    {
        _units = await Db.OrgUnits.AsNoTracking().OrderBy(u => u.Order).ThenBy(u => u.Name).ToListAsync(ct);
        ChildCount = Item is null ? 0 : _units.Count(u => u.ParentId == Item.Id);
        var excluded = Item is null ? [] : OrgTree.Subtree(_units, Item.Id);
        Parents = OrgTree.Flatten(_units).Where(x => !excluded.Contains(x.Unit.Id)).ToList();
    }

    /// <summary>"…/moi?cha=12" opens the form under unit 12.</summary>
    protected override async Task NewFormAsync(CancellationToken ct)
    {
        var cha = int.TryParse(Request.Query["cha"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        Form.ParentId = Parents.Any(x => x.Unit.Id == cha) ? cha : null;
        Form.Order = (await Db.OrgUnits.Where(x => x.ParentId == Form.ParentId).MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
    }

    protected override UnitForm ToForm(OrgUnit u) => new()
    {
        ParentId = u.ParentId, Name = u.Name, NameEn = u.NameEn, Head = u.Head, Functions = u.Functions,
        FunctionsEn = u.FunctionsEn, Phone = u.Phone, Email = u.Email, Order = u.Order,
    };

    protected override async Task<Action<OrgUnit>> CheckAsync(FormCheck check, CancellationToken ct)
    {
        var parentId = Form.ParentId;
        if (parentId is int parent && Parents.All(p => p.Unit.Id != parent))
            check.Fail(Item is not null && (parent == Item.Id || await Db.OrgUnits.AnyAsync(x => x.Id == parent, ct))
                ? "Đơn vị cấp trên không được là chính đơn vị này hoặc một đơn vị trực thuộc nó."
                : "Đơn vị cấp trên không có trong cơ cấu tổ chức của trang này.");
        var name = check.Required(Form.Name, "Tên đơn vị", 300);
        var nameEn = check.Optional(Form.NameEn, "Tên tiếng Anh", 300) ?? "";
        var head = check.Optional(Form.Head, "Người đứng đầu", 200);
        var functions = check.Optional(Form.Functions, "Chức năng, nhiệm vụ", FormCheck.LongText);
        var functionsEn = check.Optional(Form.FunctionsEn, "Chức năng, nhiệm vụ (tiếng Anh)", FormCheck.LongText);
        var phone = check.Phone(Form.Phone);
        var email = check.Email(Form.Email);
        var order = check.Order(Form.Order);
        return u => (u.ParentId, u.Name, u.NameEn, u.Head, u.Functions, u.FunctionsEn, u.Phone, u.Email, u.Order) =
            (parentId, name, nameEn, head, functions, functionsEn, phone, email, order);
    }

    protected override string? ValueText(string property, object? value) => property == nameof(UnitForm.ParentId)
        ? value is int id ? _units.FirstOrDefault(u => u.Id == id)?.Name ?? $"đơn vị số {id}" : "Không có (cấp cao nhất)"
        : base.ValueText(property, value);

    protected override string? DeleteRefusal(OrgUnit u) => ChildCount > 0
        ? $"Không xóa được đơn vị \"{u.Name}\" vì còn {ChildCount} đơn vị trực thuộc. Hãy xóa hoặc chuyển các đơn vị đó sang đơn vị khác trước."
        : null;

    protected override string Summary(OrgUnit u, ContentChange change) => change switch
    {
        ContentChange.Create => $"Thêm đơn vị \"{u.Name}\" trong cơ cấu tổ chức.",
        ContentChange.Update => $"Sửa đơn vị \"{u.Name}\" trong cơ cấu tổ chức.",
        _ => $"Xóa đơn vị \"{u.Name}\" khỏi cơ cấu tổ chức.",
    };
}
