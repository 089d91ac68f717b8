using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;
using MinhBach.Features.Articles;
using MinhBach.Features.Public;

namespace MinhBach.Features.Admin.Articles;

/// <summary>Every revision of an article; any two side by side, and restore one as the current content.</summary>
public sealed partial class ArticleHistoryModel(AppDb db, ArticleWorkflow workflow) : AdminPageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];
    public ArticleRevision? Left { get; private set; }
    public ArticleRevision? Right { get; private set; }
    public IReadOnlyList<(string Field, SideBySideDiffModel Diff)> Diffs { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? a, int? b, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Right = b is int rb ? Revisions.FirstOrDefault(r => r.Number == rb) : Revisions.FirstOrDefault();
        Left = a is int la ? Revisions.FirstOrDefault(r => r.Number == la) : Revisions.Skip(1).FirstOrDefault();
        if ((a is not null && Left is null) || (b is not null && Right is null)) return NotFound();
        if (Left is not null && Right is not null)
        {
            var builder = new SideBySideDiffBuilder();
            Diffs =
            [
                ("Tiêu đề", builder.BuildDiffModel(Left.Title, Right.Title)),
                ("Sapo", builder.BuildDiffModel(Left.Summary, Right.Summary)),
                ("Nội dung", builder.BuildDiffModel(Text(Left.Body), Text(Right.Body))),
                ("Tác giả", builder.BuildDiffModel(Left.Author, Right.Author)),
                ("Nguồn", builder.BuildDiffModel(Left.Source ?? "", Right.Source ?? "")),
            ];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Access.Role is null) return Forbid();
        var result = await workflow.RestoreAsync(Site, new Editor(Access.User!.Id, Access.User.FullName, Access.Role, Actor()), id, version, number, ct);
        if (result.Ok) return Redirect(Url.Site($"/quan-tri/tin-bai/{id}") + "?msg=khoi-phuc");
        Errors = result.Errors;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await Access.LoadAsync(ct);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (article is null) return false;
        Article = article;
        Title = $"Lịch sử sửa đổi: {article.Title}";
        Revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        return true;
    }

    [GeneratedRegex(@"</(p|h\d|li|tr|div|blockquote)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Compares the text people read, a paragraph a line, rather than the markup.</summary>
    private static string Text(string html) =>
        System.Net.WebUtility.HtmlDecode(Tag().Replace(BlockEnd().Replace(html, "\n"), "")).Trim();
}
