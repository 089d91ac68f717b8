using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
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

    /// <summary>The version of the row that the form was loaded with (a hidden field). A form without one (an old page,
    /// a script) is not checked against what was read, only against what changed while this request saves.</summary>
    [BindProperty] public int? Version { get; set; }

    /// <summary>Someone else changed or deleted what this form edits since it was loaded; shown above the form.</summary>
    public EditConflict? Conflict { get; protected set; }

    /// <summary>Saves the pending changes together with one audit entry naming this site; the record is built after
    /// the save (inside the same transaction) so it can carry a new row's id. A row changed or deleted by someone else
    /// since it was read (its version no longer matches) gives <see cref="SaveOutcome.ChangedMeanwhile"/>; a clash with a
    /// unique index (someone saved the same address a moment earlier) becomes a message, not an error page.</summary>
    protected async Task<SaveOutcome> SaveAuditedAsync(string action, string targetType, Func<object> targetId, Func<string> summary, CancellationToken ct)
    {
        var audit = HttpContext.RequestServices.GetRequiredService<AuditTrail>();
        try
        {
            await audit.SaveAsync(Db, Actor(), () => new AuditRecord(action, summary(), Site.Id, targetType,
                Convert.ToString(targetId(), CultureInfo.InvariantCulture)), ct);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            return SaveOutcome.ChangedMeanwhile;
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            Errors.Add("Không lưu được vì dữ liệu vừa được người khác thay đổi (ví dụ trùng đường dẫn). Vui lòng tải lại trang và thử lại.");
            return SaveOutcome.Refused;
        }
    }

    /// <summary>Who made the last audited change to a row of this site and when, for the conflict message:
    /// "Nguyễn Văn A (a@tinh.gov.vn) lúc 09:05 ngày 23/11/2026"; "người khác" when the trail says nothing.</summary>
    protected async Task<string> LastChangeAsync(string targetType, int targetId, CancellationToken ct)
    {
        var key = targetId.ToString(CultureInfo.InvariantCulture);
        // The change looked for is recent, so walking the trail backwards finds it at once.
        var last = await Db.AuditEntries.AsNoTracking()
            .Where(e => e.SiteId == Site.Id && e.TargetType == targetType && e.TargetId == key)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.UserId, e.UserName, e.At })
            .FirstOrDefaultAsync(ct);
        if (last is null) return "người khác";
        string who;
        if (last.UserId is int id && id == SiteAccess.UserId(User)) who = "chính bạn (ở một cửa sổ hoặc thẻ khác)";
        else
        {
            var name = last.UserId is int uid ? await Db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.FullName).FirstOrDefaultAsync(ct) : null;
            who = string.IsNullOrWhiteSpace(name) ? last.UserName : $"{name} ({last.UserName})";
        }
        var local = VnTime.ToLocal(last.At);
        return $"{who} lúc {local.ToString("HH:mm", CultureInfo.InvariantCulture)} ngày {local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The fields where the stored row and what the user typed differ, labelled with the form's [Display] names.</summary>
    protected IReadOnlyList<ConflictField> Differences<TForm>(TForm stored, TForm typed) where TForm : class
    {
        var fields = new List<ConflictField>();
        foreach (var p in typeof(TForm).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var (was, now) = (ValueText(p.Name, p.GetValue(stored)), ValueText(p.Name, p.GetValue(typed)));
            if (Normal(was) == Normal(now)) continue;
            fields.Add(new ConflictField(p.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? p.Name, Shown(was), Shown(now)));
        }
        return fields;

        static string Normal(string? v) => (v ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        static string Shown(string? v) => string.IsNullOrWhiteSpace(v) ? "(để trống)" : v.Trim();
    }

    /// <summary>A form value as people read it in the conflict table; editors override it for codes (a kind, a parent's id).</summary>
    protected virtual string? ValueText(string property, object? value) => value switch
    {
        null => null,
        bool b => b ? "Có" : "Không",
        DateOnly d => VnTime.DateText(d),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

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
        "da-xoa" => "Mục bạn định xóa đã được người khác xóa trước đó.",
        _ => Notice,
    };

    protected const string ConfirmDeleteMessage = "Hãy đánh dấu ô xác nhận trước khi xóa.";
}

public enum SaveOutcome
{
    Saved,
    /// <summary>The row was changed or deleted by someone else after it was read; nothing was saved.</summary>
    ChangedMeanwhile,
    /// <summary>The database refused the change (a unique index); the message is in Errors.</summary>
    Refused,
}

/// <summary>What a second editor sees when someone else saved or deleted the same item while their form was open:
/// what happened (who and when, from the audit trail), what to do, and how the stored values differ from theirs.</summary>
public sealed record EditConflict(string Message, string Advice, IReadOnlyList<ConflictField> Differences, bool ShowDifferences = true);

/// <summary>One field of the form: its label, its value as stored now and as the user typed it.</summary>
public sealed record ConflictField(string Label, string Stored, string Typed);

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
