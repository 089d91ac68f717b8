using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Audit;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin;

/// <summary>
/// Base of the content editors under /quan-tri: the errors shown above the form, the audited save,
/// and the one-time notices after a redirect. Reading follows the folder's policy (any role on the
/// site, or a province reviewer); changing needs <see cref="EditRole"/>, enforced by
/// <see cref="ChangesRequireAttribute"/> on the page model and shown by <see cref="CanEdit"/>.
/// </summary>
public abstract class EditorPageModel : AdminPageModel
{
    /// <summary>Least role that may change what this page edits.</summary>
    protected virtual SiteRole EditRole => SiteRole.Editor;

    public bool CanEdit => Access.Has(EditRole);

    /// <summary>Problems with what was posted, in Vietnamese; nothing was changed when there are any.</summary>
    public List<string> Errors { get; } = [];

    protected AppDb Db => HttpContext.RequestServices.GetRequiredService<AppDb>();

    /// <summary>Saves the pending changes together with one audit entry naming this site; the record is built after
    /// the save (inside the same transaction) so it can carry a new row's id. A clash with a unique index
    /// (someone saved the same address a moment earlier) becomes a message, not an error page.</summary>
    protected async Task<bool> SaveAuditedAsync(string action, string targetType, Func<object> targetId, Func<string> summary, CancellationToken ct)
    {
        var audit = HttpContext.RequestServices.GetRequiredService<AuditTrail>();
        try
        {
            await audit.SaveAsync(Db, Actor(), () => new AuditRecord(action, summary(), Site.Id, targetType,
                Convert.ToString(targetId(), CultureInfo.InvariantCulture)), ct);
            return true;
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            Errors.Add("Không lưu được vì dữ liệu vừa được người khác thay đổi (ví dụ trùng đường dẫn). Vui lòng tải lại trang và thử lại.");
            return false;
        }
    }

    /// <summary>Adds the model binder's messages (a number or date that does not parse) to <see cref="Errors"/>.</summary>
    protected bool BindingOk()
    {
        foreach (var e in ModelState.Values.SelectMany(v => v.Errors))
        {
            var message = string.IsNullOrEmpty(e.ErrorMessage) ? "Dữ liệu nhập không hợp lệ." : e.ErrorMessage;
            if (!Errors.Contains(message)) Errors.Add(message);
        }
        return Errors.Count == 0;
    }

    protected IActionResult Done(string sitePath, string msg) =>
        Redirect(Url.Site(sitePath) + (sitePath.Contains('?') ? "&" : "?") + "msg=" + msg);

    /// <summary>The notice for ?msg= after a create, save or delete.</summary>
    protected void ShowNotice(string? msg) => Notice = msg switch
    {
        "them" => "Đã thêm.",
        "luu" => "Đã lưu thay đổi.",
        "xoa" => "Đã xóa.",
        _ => Notice,
    };

    protected const string ConfirmDeleteMessage = "Hãy đánh dấu ô xác nhận trước khi xóa.";
}

/// <summary>
/// Refuses any request that changes something (every method but GET and HEAD) from a user below the
/// given role on the current site: a contributor or a province reviewer may open the page, never post to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ChangesRequireAttribute(SiteRole minimum) : Attribute, IAsyncAuthorizationFilter
{
    public SiteRole Minimum { get; } = minimum;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }
        var access = http.RequestServices.GetRequiredService<SiteAccess>();
        await access.LoadAsync(http.RequestAborted);
        if (!access.Has(Minimum)) context.Result = new ForbidResult();
    }
}
