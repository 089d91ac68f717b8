using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.OrgChart;

/// <summary>Create, edit and delete a unit of the organisation chart; its parent is another unit of this site, never itself or a unit below it.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class OrgUnitEditModel : EditorPageModel
{
    public sealed class UnitForm
    {
        [Display(Name = "Đơn vị cấp trên")] public int? ParentId { get; set; }
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public string? Head { get; set; }
        public string? Functions { get; set; }
        public string? FunctionsEn { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    [BindProperty] public UnitForm Form { get; set; } = new();
    public OrgUnit? Unit { get; private set; }
    public int ChildCount { get; private set; }
    /// <summary>Units that may be the parent: all but this one and those below it, in tree order.</summary>
    public IReadOnlyList<(OrgUnit Unit, int Depth)> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? cha, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Unit is { } u) Fill(u);
        else
        {
            Form.ParentId = Parents.Any(p => p.Unit.Id == cha) ? cha : null;
            Form.Order = (await Db.OrgUnits.Where(x => x.ParentId == Form.ParentId).MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = new FormCheck(Errors);
        BindingOk();
        if (Form.ParentId is int parent && Parents.All(p => p.Unit.Id != parent))
            check.Fail(Unit is not null && (parent == Unit.Id || await Db.OrgUnits.AnyAsync(x => x.Id == parent, ct))
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
        if (!check.Ok) return Page();

        var u = Unit is null ? new OrgUnit { SiteId = Site.Id } : await Db.OrgUnits.FirstAsync(x => x.Id == Unit.Id, ct);
        (u.ParentId, u.Name, u.NameEn, u.Head, u.Functions, u.FunctionsEn, u.Phone, u.Email, u.Order) =
            (Form.ParentId, name, nameEn, head, functions, functionsEn, phone, email, order);
        if (Unit is null) Db.OrgUnits.Add(u);
        if (!await SaveAuditedAsync(Unit is null ? "org-unit.create" : "org-unit.update", "org-unit", () => u.Id,
                () => $"{(Unit is null ? "Thêm" : "Sửa")} đơn vị \"{u.Name}\" trong cơ cấu tổ chức.", ct))
            return Page();
        return Done("/quan-tri/co-cau-to-chuc", Unit is null ? "them" : "luu");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Unit!);
        if (!confirm) Errors.Add(ConfirmDeleteMessage);
        else if (ChildCount > 0)
            Errors.Add($"Không xóa được đơn vị \"{Unit!.Name}\" vì còn {ChildCount} đơn vị trực thuộc. Hãy xóa hoặc chuyển các đơn vị đó sang đơn vị khác trước.");
        if (Errors.Count > 0) return Page();
        var u = await Db.OrgUnits.FirstAsync(x => x.Id == id, ct);
        Db.OrgUnits.Remove(u);
        if (!await SaveAuditedAsync("org-unit.delete", "org-unit", () => id, () => $"Xóa đơn vị \"{u.Name}\" khỏi cơ cấu tổ chức.", ct))
            return Page();
        return Done("/quan-tri/co-cau-to-chuc", "xoa");
    }

    private void Fill(OrgUnit u) => Form = new UnitForm
    {
        ParentId = u.ParentId, Name = u.Name, NameEn = u.NameEn, Head = u.Head, Functions = u.Functions,
        FunctionsEn = u.FunctionsEn, Phone = u.Phone, Email = u.Email, Order = u.Order,
    };

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? "Thêm đơn vị" : "Sửa đơn vị";
        var units = await Db.OrgUnits.AsNoTracking().OrderBy(u => u.Order).ThenBy(u => u.Name).ToListAsync(ct);
        if (id is not null)
        {
            Unit = units.FirstOrDefault(u => u.Id == id);
            if (Unit is null) return false;
            ChildCount = units.Count(u => u.ParentId == Unit.Id);
        }
        var excluded = Unit is null ? [] : OrgTree.Subtree(units, Unit.Id);
        Parents = OrgTree.Flatten(units).Where(x => !excluded.Contains(x.Unit.Id)).ToList();
        return true;
    }
}
