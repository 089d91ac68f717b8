using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.Links;

/// <summary>Create, edit and delete a link; only http and https addresses are accepted.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class LinkEditModel : ContentEditorPageModel<SiteLink, LinkEditModel.LinkForm>
{
    public sealed class LinkForm
    {
        [Display(Name = "Loại liên kết")] public string? Kind { get; set; }
        [Display(Name = "Tiêu đề")] public string? Title { get; set; }
        [Display(Name = "Địa chỉ")] public string? Url { get; set; }
        [Display(Name = "Thứ tự")] public int? Order { get; set; }
    }

    protected override string ListPath => "/quan-tri/lien-ket";
    protected override string AuditType => "link";
    protected override string Noun => "liên kết";
    protected override string NewTitle => "Thêm liên kết";
    protected override string EditTitle => "Sửa liên kết";

    protected override string Describe(SiteLink l) => $"liên kết \"{l.Title}\"";

    protected override async Task NewFormAsync(CancellationToken ct)
    {
        Form.Kind = nameof(LinkKind.Other);
        Form.Order = (await Db.SiteLinks.MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
    }

    protected override LinkForm ToForm(SiteLink l) => new() { Kind = l.Kind.ToString(), Title = l.Title, Url = l.Url, Order = l.Order };

    protected override Task<Action<SiteLink>> CheckAsync(FormCheck check, CancellationToken ct)
    {
        var kind = KindOf(Form.Kind);
        if (kind is null) check.Fail(string.IsNullOrWhiteSpace(Form.Kind) ? "Hãy chọn loại liên kết." : $"Loại liên kết \"{Form.Kind}\" không có.");
        var title = check.Required(Form.Title, "Tiêu đề", 200);
        var url = check.WebAddress(Form.Url, "Địa chỉ", required: true);
        var order = check.Order(Form.Order);
        return Task.FromResult<Action<SiteLink>>(l => (l.Kind, l.Title, l.Url, l.Order) = (kind!.Value, title, url!, order));
    }

    // By name only: Enum.TryParse would also take "7", a kind that does not exist.
    private static LinkKind? KindOf(string? name) =>
        Enum.GetNames<LinkKind>().Contains(name?.Trim()) ? Enum.Parse<LinkKind>(name!.Trim()) : null;

    protected override string? ValueText(string property, object? value) =>
        property == nameof(LinkForm.Kind) && KindOf(value as string) is { } kind ? LinkListModel.KindName(kind) : base.ValueText(property, value);

    protected override string Summary(SiteLink l, ContentChange change) => change switch
    {
        ContentChange.Delete => $"Xóa liên kết \"{l.Title}\": {l.Url}.",
        _ => $"{(change == ContentChange.Create ? "Thêm" : "Sửa")} liên kết \"{l.Title}\" ({LinkListModel.KindName(l.Kind)}): {l.Url}.",
    };
}
