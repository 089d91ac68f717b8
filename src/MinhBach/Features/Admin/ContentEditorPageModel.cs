using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Admin;

/// <summary>What a content editor's save records: the audit action is "{AuditType}.create", ".update" or ".delete".</summary>
public enum ContentChange
{
    Create,
    Update,
    Delete,
}

/// <summary>What the shared parts of an editor page (_EditorSave, _DeleteForm) need from it.</summary>
public interface IContentEditorView
{
    bool CanEdit { get; }
    /// <summary>The item's own address, site-relative ("/quan-tri/dau-moi/12"); the list on "…/moi".</summary>
    string ItemPath { get; }
    int? Version { get; }
    /// <summary>The item was deleted while the form was open: saving again adds it anew.</summary>
    bool Gone { get; }
    /// <summary>"…/moi" of this editor, site-relative.</summary>
    string NewPath { get; }
    /// <summary>What the delete box confirms: "cán bộ đầu mối Lê Văn C"; empty on …/moi.</summary>
    string ItemName { get; }
}

/// <summary>
/// One content editor at "…/{id}" and "…/moi": load, validate, save, delete, each save audited, each update and delete
/// checked against the version the form was loaded with. A second editor whose item was saved by someone else in the
/// meantime gets the form back (409) with what they typed, a Vietnamese message naming who saved it and when, and the
/// stored values next to theirs; saving again (with the fresh version now in the form) goes through. Deleting an item
/// changed in the meantime asks to confirm again against the fresh version; saving an item deleted in the meantime says
/// so and offers to add it anew with what was typed.
/// Each editor declares only its form, its checks and mapping (<see cref="CheckAsync"/>), and its words.
/// </summary>
public abstract class ContentEditorPageModel<TEntity, TForm> : EditorPageModel, IContentEditorView
    where TEntity : class, ISiteOwned, IVersioned, new()
    where TForm : class, new()
{
    [BindProperty] public TForm Form { get; set; } = new();

    /// <summary>The item as stored when the request began; null on "…/moi".</summary>
    public TEntity? Item { get; private set; }

    public bool Gone { get; private set; }

    /// <summary>The listing, site-relative ("/quan-tri/dau-moi"); "…/moi" below it creates.</summary>
    protected abstract string ListPath { get; }
    /// <summary>Target type of the audit entries ("contact").</summary>
    protected abstract string AuditType { get; }
    /// <summary>What one item is called, in a sentence ("cán bộ đầu mối").</summary>
    protected abstract string Noun { get; }
    protected abstract string NewTitle { get; }
    protected abstract string EditTitle { get; }

    /// <summary>The item named in a sentence: "cán bộ đầu mối Lê Văn C".</summary>
    protected abstract string Describe(TEntity item);
    protected abstract TForm ToForm(TEntity item);
    /// <summary>Checks <see cref="Form"/> into <paramref name="check"/> and returns how to write the cleaned values onto a
    /// row, used only when every check passed. <see cref="Item"/> is the stored item (null when creating).</summary>
    protected abstract Task<Action<TEntity>> CheckAsync(FormCheck check, CancellationToken ct);
    /// <summary>The audit entry's sentence; <see cref="Item"/> still holds the values from before the change.</summary>
    protected abstract string Summary(TEntity row, ContentChange change);

    /// <summary>Reads what the page shows besides the item (lists to choose from, counts); <see cref="Item"/> is loaded.</summary>
    protected virtual Task LoadMoreAsync(CancellationToken ct) => Task.CompletedTask;
    /// <summary>Fills <see cref="Form"/> for "…/moi" (defaults, the next order, values from the query).</summary>
    protected virtual Task NewFormAsync(CancellationToken ct) => Task.CompletedTask;
    /// <summary>A new row, before the form's values are written onto it.</summary>
    protected virtual void Created(TEntity row) { }
    /// <summary>Runs before a create or update is saved, in the same transaction (slug history).</summary>
    protected virtual Task SavingAsync(TEntity row, CancellationToken ct) => Task.CompletedTask;
    /// <summary>Runs before a delete is saved, in the same transaction.</summary>
    protected virtual Task DeletingAsync(TEntity row, CancellationToken ct) => Task.CompletedTask;
    /// <summary>Why the stored item may not be deleted now (it still has children), or null.</summary>
    protected virtual string? DeleteRefusal(TEntity item) => null;
    /// <summary>Runs after a save or delete has committed (removing stored files the rows named).</summary>
    protected virtual void Saved(TEntity row, ContentChange change) { }
    /// <summary>Where to go after a save or delete.</summary>
    protected virtual string AfterSavePath(TEntity row) => ListPath;

    public string ItemPath => Item is null ? ListPath : ListPath + "/" + Item.Id.ToString(CultureInfo.InvariantCulture);
    public string NewPath => ListPath + "/moi";
    public string ItemName => Item is null ? "" : Describe(Item);

    private DbSet<TEntity> Rows => Db.Set<TEntity>();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Item is { } item) Fill(item);
        else await NewFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return await GoneWhileEditingAsync(id!.Value, ct);
        var check = new FormCheck(Errors);
        BindingOk();
        var apply = await CheckAsync(check, ct);
        if (Item is not null && Version is int seen && seen != Item.Version) return await ChangedWhileEditingAsync(ct);
        if (!check.Ok) return Page();

        var creating = Item is null;
        TEntity row;
        if (creating)
        {
            row = new TEntity { SiteId = Site.Id };
            Created(row);
        }
        else
        {
            var stored = await Rows.FirstOrDefaultAsync(x => x.Id == Item!.Id, ct);
            if (stored is null || (Version is int v && stored.Version != v)) return await AfterFailedSaveAsync(Item!.Id, ct);
            row = stored;
        }
        apply(row);
        if (creating) Rows.Add(row);
        await SavingAsync(row, ct);
        var change = creating ? ContentChange.Create : ContentChange.Update;
        var outcome = await SaveAuditedAsync(Action(change), AuditType, () => row.Id, () => Summary(row, change), ct);
        if (outcome == SaveOutcome.Saved)
        {
            Saved(row, change);
            return Done(AfterSavePath(row), creating ? "them" : "luu");
        }
        if (outcome == SaveOutcome.ChangedMeanwhile && !creating) return await AfterFailedSaveAsync(Item!.Id, ct);
        if (Errors.Count == 0) Errors.Add("Không lưu được vì dữ liệu vừa được người khác thay đổi. Vui lòng thử lại.");
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        var seen = Version;
        if (!await LoadAsync(id, ct)) return await DeletedAsync(id, ct) ? Done(ListPath, "da-xoa") : NotFound();
        var item = Item!;
        Fill(item);
        if (seen is int v && v != item.Version) return await ChangedBeforeDeleteAsync(ct);
        if (!confirm) Errors.Add(ConfirmDeleteMessage);
        else if (DeleteRefusal(item) is { } refusal) Errors.Add(refusal);
        if (Errors.Count > 0) return Page();

        var row = await Rows.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (row is null || row.Version != item.Version) return await AfterFailedDeleteAsync(id, ct);
        Rows.Remove(row);
        await DeletingAsync(row, ct);
        return await SaveAuditedAsync(Action(ContentChange.Delete), AuditType, () => id, () => Summary(row, ContentChange.Delete), ct) switch
        {
            SaveOutcome.Saved => DoneDeleting(row),
            SaveOutcome.ChangedMeanwhile => await AfterFailedDeleteAsync(id, ct),
            _ => Page(),
        };
    }

    private IActionResult DoneDeleting(TEntity row)
    {
        Saved(row, ContentChange.Delete);
        return Done(AfterSavePath(row), "xoa");
    }

    private string Action(ContentChange change) => AuditType + "." + change switch
    {
        ContentChange.Create => "create",
        ContentChange.Update => "update",
        _ => "delete",
    };

    private void Fill(TEntity item)
    {
        Form = ToForm(item);
        Version = item.Version;
    }

    /// <summary>Loads the item (null on "…/moi") and what the page shows besides it; false when the id is not this site's.</summary>
    protected async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        Title = id is null ? NewTitle : EditTitle;
        Item = id is null ? null : await Rows.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (id is not null && Item is null) return false;
        await LoadMoreAsync(ct);
        return true;
    }

    /// <summary>Whether the audit trail shows that this site's item was deleted (and not merely never there).</summary>
    private Task<bool> DeletedAsync(int id, CancellationToken ct)
    {
        var (key, action) = (id.ToString(CultureInfo.InvariantCulture), Action(ContentChange.Delete));
        return Db.AuditEntries.AsNoTracking().AnyAsync(e => e.SiteId == Site.Id && e.Action == action && e.TargetId == key, ct);
    }

    /// <summary>The save failed on the version: the item changed or was deleted after it was read.</summary>
    private async Task<IActionResult> AfterFailedSaveAsync(int id, CancellationToken ct)
    {
        Errors.Clear();
        if (!await LoadAsync(id, ct)) return await GoneWhileEditingAsync(id, ct);
        return await ChangedWhileEditingAsync(ct);
    }

    /// <summary>The delete failed on the version: the item changed after it was read (ask again, showing it as it is now)
    /// or was deleted by someone else (nothing left to do).</summary>
    private async Task<IActionResult> AfterFailedDeleteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return Done(ListPath, "da-xoa");
        Fill(Item!);
        return await ChangedBeforeDeleteAsync(ct);
    }

    /// <summary>Someone saved the item since this form was loaded: the form keeps what was typed, the stored values are shown
    /// next to it, and the hidden version moves to the stored one so that saving again goes through.</summary>
    private async Task<IActionResult> ChangedWhileEditingAsync(CancellationToken ct)
    {
        var item = Item!;
        var who = await LastChangeAsync(AuditType, item.Id, ct);
        Conflict = new EditConflict(
            $"Trong lúc bạn sửa, {who} đã lưu {Describe(item)}. Thay đổi của bạn chưa được lưu.",
            "Nội dung bạn nhập vẫn còn trong biểu mẫu bên dưới. Hãy đối chiếu với bản đang lưu, sửa lại nếu cần rồi bấm Lưu lần nữa.",
            Differences(ToForm(item), Form));
        Version = item.Version;
        return Conflicted();
    }

    /// <summary>Someone changed the item after this delete form was loaded: show it as it is now and ask again.</summary>
    private async Task<IActionResult> ChangedBeforeDeleteAsync(CancellationToken ct)
    {
        var item = Item!;
        var who = await LastChangeAsync(AuditType, item.Id, ct);
        Conflict = new EditConflict(
            $"Trong lúc bạn xem, {who} đã sửa {Describe(item)}, nên mục này chưa bị xóa.",
            "Biểu mẫu bên dưới đã hiện nội dung mới nhất. Nếu vẫn muốn xóa, hãy đánh dấu ô xác nhận và bấm Xóa lần nữa.",
            [], ShowDifferences: false);
        return Conflicted();
    }

    /// <summary>The item this form edits no longer exists. Deleted on this site (the audit trail says so): say so, keep
    /// what was typed and offer to add it anew. Never there (another site's id): 404 as before.</summary>
    private async Task<IActionResult> GoneWhileEditingAsync(int id, CancellationToken ct)
    {
        if (!await DeletedAsync(id, ct)) return NotFound();
        await LoadMoreAsync(ct);
        var who = await LastChangeAsync(AuditType, id, ct);
        Gone = true;
        Version = null;
        Title = NewTitle;
        Conflict = new EditConflict(
            $"Trong lúc bạn sửa, {who} đã xóa {Noun} này, nên thay đổi của bạn chưa được lưu.",
            "Nội dung bạn nhập vẫn còn trong biểu mẫu bên dưới: bấm \"Lưu thành mục mới\" để thêm lại, hoặc quay lại danh sách nếu không cần nữa.",
            [], ShowDifferences: false);
        return Conflicted();
    }

    private PageResult Conflicted()
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
