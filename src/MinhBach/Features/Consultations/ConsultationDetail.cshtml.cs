using Microsoft.AspNetCore.Mvc;
using MinhBach.Features.Public;

namespace MinhBach.Features.Consultations;

/// <summary>/lay-y-kien/{slug}: one draft with its full text split into articles, clauses and points (each with its
/// anchor), the approved comments under the article they are about, the receiving unit's contacts, the draft's files
/// and, once published, the synthesis table. A number instead of the slug redirects to the slug.</summary>
public sealed class ConsultationDetailModel(ConsultationService consultations) : PublicPageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public DraftStructure Draft { get; private set; } = null!;
    public ConsultationPhase Phase { get; private set; }
    public string PhaseNote { get; private set; } = "";
    public IReadOnlyList<ConsultationFile> Files { get; private set; } = [];
    /// <summary>Approved comments by article number (0: the draft as a whole).</summary>
    public IReadOnlyDictionary<int, List<ConsultationComment>> Comments { get; private set; } = new Dictionary<int, List<ConsultationComment>>();
    public int CommentCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var c = await consultations.FindPublicAsync(key, ct);
        if (c is null) return NotFound();
        if (c.Slug != key) return RedirectPermanent(Url.Site(ConsultationUrls.Detail(c.Slug)));
        Consultation = c;
        Draft = DraftParser.Parse(c.DraftText);
        Phase = consultations.Phase(c);
        PhaseNote = consultations.PhaseNote(c);
        Files = await consultations.FilesAsync(c.Id, ct);
        var approved = await consultations.ApprovedAsync(c.Id, ct);
        CommentCount = approved.Count;
        Comments = approved.GroupBy(x => x.ArticleNumber ?? 0).ToDictionary(g => g.Key, g => g.OrderBy(x => x.ClauseNumber ?? 0).ThenBy(x => x.SubmittedAt).ToList());
        Meta = new PageMeta
        {
            Title = c.Title,
            Description = c.Summary.Length > 200 ? c.Summary[..200] + "…" : c.Summary.Length > 0 ? c.Summary : $"Dự thảo lấy ý kiến góp ý của {Site.AgencyName}.",
            Creator = c.DraftingUnit,
            Date = c.UpdatedAt,
            CanonicalPath = ConsultationUrls.Detail(c.Slug),
            Breadcrumbs = [("Lấy ý kiến dự thảo", ConsultationUrls.List), (c.Title, null)],
        };
        return Page();
    }

    public IReadOnlyList<ConsultationComment> On(int? article) => Comments.GetValueOrDefault(article ?? 0) ?? [];

    /// <summary>The drafting unit's answer, shown once the synthesis is published.</summary>
    public bool ShowAnswers => Consultation.SynthesisPublishedAt is not null;
}
