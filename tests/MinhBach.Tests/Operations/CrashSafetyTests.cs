using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Data;
using MinhBach.Features.Accounts;
using MinhBach.Features.Articles;
using MinhBach.Features.Audit;
using MinhBach.Features.Media;
using MinhBach.Features.Petitions;
using MinhBach.Features.Questions;
using MinhBach.Features.Ratings;
using MinhBach.Features.Requests;
using MinhBach.Features.Search;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Petitions;
using MinhBach.Tests.Questions;
using MinhBach.Tests.Scaling;
using Xunit.Abstractions;

namespace MinhBach.Tests.Operations;

/// <summary>
/// Nothing lost: the app as its own process (the built executable with `serve`, as systemd runs it) is killed with SIGKILL
/// while 500 operations run at once (editors publishing through the administration, citizens sending questions,
/// petitions and ratings through the public forms). Restarted on the same database, every operation that got its
/// success answer is there, and nothing is half-written: a published article has its audit entry, revision and search
/// entry; a question or petition its tracking code, audit entry, receipt mail and attachment; the audit chain verifies.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const string Editor = "bientap@dongminh.gov.vn";
    private const string Password = "MatKhau2026";
    private const int Publishes = 150, Questions = 150, Petitions = 150, Ratings = 50;
    /// <summary>Acknowledged operations before the kill: the rest are in flight or not sent yet.</summary>
    private const int KillAfter = 150;

    private enum Kind { Publish, Question, Petition, Rating }

    private sealed class Operation(Kind kind, int index)
    {
        public Kind Kind { get; } = kind;
        public int Index { get; } = index;
        public int ArticleId { get; set; }
        public bool WithFile => Index % 3 == 0 && Kind is Kind.Question or Kind.Petition;
        public string SubmissionKey { get; } = Guid.NewGuid().ToString("N");
        public bool Acknowledged { get; set; }
        /// <summary>The tracking code the success page showed (questions, petitions).</summary>
        public string? Code { get; set; }
        /// <summary>What came back instead of the success answer: a status and the start of the page, or the exception.</summary>
        public string? Outcome { get; set; }
        public bool Answered { get; set; }
        public string Comment => $"Đánh giá số {Index}";
    }

    [DatabaseTheory]
    public async Task Every_acknowledged_publish_and_submission_survives_a_SIGKILL_and_nothing_is_half_written(string provider)
    {
        // The database is made and filled in-process, then the app runs as its own process on it.
        var db = await TestDatabase.CreateAsync(provider);
        await using var seed = await TestApp.StartOnAsync(db);
        var portal = await seed.CreatePortalAsync();
        var category = await seed.AddCategoryAsync(portal, "tin-tuc", "Tin tức");
        await seed.CreateUserAsync(Editor, Password, "Trần Thị Biên");
        await seed.GrantAsync(Editor, "", SiteRole.Editor);
        var (articleIds, rated) = await SeedArticlesAsync(seed, portal, category);
        var versions = await seed.WithDbAsync(d => d.Articles.IgnoreQueryFilters().Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Version));
        await seed.StopAsync();

        string[] settings =
        [
            .. db.CommandLineArgs,
            "--Accounts:TwoFactorRequiredFrom=None",
            "--RateLimits:PublicFormPerMinute=100000",
            "--RateLimits:RatingPerMinute=100000",
            "--RateLimits:SignInPerMinute=100000",
            "--Logging:LogLevel:Default=Warning",
        ];
        var ops = new List<Operation>();
        await using (var node = AppNode.Start("crash", settings))
        {
            await node.WaitHealthyAsync(TimeSpan.FromMinutes(2));
            using var editor = new AdminClient(node.BaseAddress);
            await editor.SignInFullyAsync(Editor, Password);
            var editorToken = await editor.AntiforgeryTokenAsync($"/quan-tri/tin-bai/{articleIds[0]}");
            using var citizen = new AdminClient(node.BaseAddress);
            var citizenToken = await citizen.AntiforgeryTokenAsync(QuestionUrls.Ask);
            await citizen.AntiforgeryTokenAsync(PetitionUrls.Submit);
            using var visitors = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.BaseAddress };
            var ratedPath = ContentUrlsFor(rated);
            using (var warm = await visitors.GetAsync(ratedPath)) Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            var image = TestImages.Png(60, 40, transparent: false);

            // Interleaved, so every kind is in flight when the process dies.
            for (var i = 0; i < Math.Max(Math.Max(Publishes, Questions), Math.Max(Petitions, Ratings)); i++)
            {
                if (i < Publishes) ops.Add(new Operation(Kind.Publish, i) { ArticleId = articleIds[i] });
                if (i < Questions) ops.Add(new Operation(Kind.Question, i));
                if (i < Petitions) ops.Add(new Operation(Kind.Petition, i));
                if (i < Ratings) ops.Add(new Operation(Kind.Rating, i));
            }
            Assert.Equal(500, ops.Count);

            var acknowledged = 0;
            async Task RunAsync(Operation op)
            {
                try
                {
                    using var response = op.Kind switch
                    {
                        Kind.Publish => await editor.PostFormWithoutTokenAsync($"/quan-tri/tin-bai/{op.ArticleId}?handler=Approve",
                            [new("Version", versions[op.ArticleId].ToString(CultureInfo.InvariantCulture)), new(AdminClient.TokenField, editorToken)]),
                        Kind.Question => await citizen.Http.PostAsync(QuestionUrls.Ask, Form(QnaWorld.Fields(
                            ("QuestionTitle", $"Câu hỏi số {op.Index} về thủ tục đất đai"), ("SubmissionKey", op.SubmissionKey)), op.WithFile ? image : null, citizenToken)),
                        Kind.Petition => await citizen.Http.PostAsync(PetitionUrls.Submit, Form(Petitioner.Fields(
                            ("Subject", $"Phản ánh số {op.Index} về đường giao thông"), ("SubmissionKey", op.SubmissionKey)), op.WithFile ? image : null, citizenToken)),
                        _ => await visitors.SendAsync(Rating(op, rated.Id)),
                    };
                    var body = await response.Content.ReadAsStringAsync();
                    op.Answered = true;
                    op.Code = op.Kind switch
                    {
                        Kind.Question => QnaWorld.CodePattern().Match(body) is { Success: true } m ? m.Value : null,
                        Kind.Petition => Petitioner.CodePattern().Match(body) is { Success: true } m ? m.Value : null,
                        _ => null,
                    };
                    op.Acknowledged = op.Kind switch
                    {
                        Kind.Publish => response.StatusCode == HttpStatusCode.Redirect,
                        Kind.Rating => response.StatusCode == HttpStatusCode.Redirect && AdminClient.Target(response)!.Contains("danh-gia=" + RatingNotices.Thanks, StringComparison.Ordinal),
                        _ => response.StatusCode == HttpStatusCode.OK && op.Code is not null,
                    };
                    if (!op.Acknowledged) op.Outcome = $"{(int)response.StatusCode} {AdminClient.Target(response)} {body[..Math.Min(body.Length, 200)]}";
                    else if (Interlocked.Increment(ref acknowledged) == KillAfter) node.Kill();
                }
                catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
                {
                    op.Outcome = e.GetType().Name;
                }
            }
            await Task.WhenAll(ops.Select(op => Task.Run(() => RunAsync(op))));
            node.Kill();
            var refused = ops.Where(o => o.Answered && !o.Acknowledged).ToList();
            if (refused.Count > 0)
                Assert.Fail($"{refused.Count} operations were answered without success before the kill, e.g. {refused[0].Kind} {refused[0].Index}: {refused[0].Outcome}");
            Assert.True(ops.Count(o => o.Acknowledged) < ops.Count, "Every operation finished before the kill: nothing was cut.");
        }

        // Restarted on the same database and files.
        await using var again = AppNode.Start("restarted", settings);
        await again.WaitHealthyAsync(TimeSpan.FromMinutes(2));
        var problems = new List<string>();
        await using var check = db.CreateDbContext();
        var audit = await check.AuditEntries.AsNoTracking().ToListAsync();
        int Audited(string action, int id) => audit.Count(e => e.Action == action && e.TargetId == id.ToString(CultureInfo.InvariantCulture));
        var mails = await check.OutboxMails.AsNoTracking().Select(m => new { m.Kind, m.RefId }).ToListAsync();
        int Mailed(string kind, int id) => mails.Count(m => m.Kind == kind && m.RefId == id.ToString(CultureInfo.InvariantCulture));
        var files = Path.Combine(db.Folder, "files");

        // Articles: published with everything that goes with it, or untouched.
        var articles = await check.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var revisions = await check.ArticleRevisions.IgnoreQueryFilters().AsNoTracking().GroupBy(r => r.ArticleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var indexed = (await check.SearchEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Kind == SearchKinds.Article).Select(e => e.RefId).ToListAsync()).ToHashSet();
        foreach (var a in articles.Values)
        {
            var published = a.Status == ArticleStatus.Published;
            if (published && (Audited("article.publish", a.Id) != 1 || a.Version != versions[a.Id] + 1 || !indexed.Contains(a.Id) || revisions.GetValueOrDefault(a.Id) < 1))
                problems.Add($"Article {a.Id} is published with {Audited("article.publish", a.Id)} audit entries, version {a.Version} (was {versions[a.Id]}), indexed {indexed.Contains(a.Id)}, {revisions.GetValueOrDefault(a.Id)} revisions.");
            if (!published && (a.Status != ArticleStatus.Submitted || Audited("article.publish", a.Id) != 0 || a.Version != versions[a.Id] || indexed.Contains(a.Id)))
                problems.Add($"Article {a.Id} is {a.Status} with {Audited("article.publish", a.Id)} publish entries, version {a.Version} (was {versions[a.Id]}), indexed {indexed.Contains(a.Id)}.");
        }
        var publishedLost = ops.Where(o => o is { Kind: Kind.Publish, Acknowledged: true } && articles[o.ArticleId].Status != ArticleStatus.Published).ToList();

        // Questions and petitions: each with its code, audit entry, receipt mail and (when sent with one) its file.
        var questions = await check.Questions.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var petitions = await check.Petitions.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var requests = questions.Select(q => (Kind: Kind.Question, q.Id, q.Code, q.SubmissionKey, q.AttachmentPath, q.AttachmentSize, Action: "question.ask", Mail: "question.received"))
            .Concat(petitions.Select(p => (Kind: Kind.Petition, p.Id, p.Code, p.SubmissionKey, p.AttachmentPath, p.AttachmentSize, Action: "petition.submit", Mail: "petition.received")))
            .ToList();
        foreach (var r in requests)
        {
            if (Audited(r.Action, r.Id) != 1) problems.Add($"{r.Kind} {r.Code} has {Audited(r.Action, r.Id)} audit entries.");
            if (Mailed(r.Mail, r.Id) != 1) problems.Add($"{r.Kind} {r.Code} has {Mailed(r.Mail, r.Id)} receipt mails.");
            if (r.AttachmentPath is not null && !(File.Exists(Path.Combine(files, r.AttachmentPath)) && new FileInfo(Path.Combine(files, r.AttachmentPath)).Length == r.AttachmentSize))
                problems.Add($"{r.Kind} {r.Code}: its attachment {r.AttachmentPath} is missing or cut short.");
            var sent = ops.SingleOrDefault(o => o.Kind == r.Kind && o.SubmissionKey == r.SubmissionKey);
            if (sent is null) problems.Add($"{r.Kind} {r.Code} was never sent.");
            else if (sent.WithFile != (r.AttachmentPath is not null)) problems.Add($"{r.Kind} {r.Code} was sent {(sent.WithFile ? "with" : "without")} a file and stored {(r.AttachmentPath is null ? "without" : "with")} one.");
        }
        foreach (var e in audit.Where(e => e.Action is "article.publish" or "question.ask" or "petition.submit"))
        {
            var id = int.Parse(e.TargetId!, CultureInfo.InvariantCulture);
            if (e.Action == "article.publish" ? !articles.ContainsKey(id) : !requests.Any(r => r.Action == e.Action && r.Id == id))
                problems.Add($"Audit entry {e.Sequence} ({e.Action}) names {id}, which does not exist.");
        }
        var requestsLost = ops.Where(o => o is { Kind: Kind.Question or Kind.Petition, Acknowledged: true } && !requests.Any(r => r.Kind == o.Kind && r.Code == o.Code)).ToList();

        // Ratings.
        var comments = (await check.Ratings.IgnoreQueryFilters().AsNoTracking().Select(r => r.Comment).ToListAsync()).ToHashSet();
        var ratingsLost = ops.Where(o => o is { Kind: Kind.Rating, Acknowledged: true } && !comments.Contains(o.Comment)).ToList();

        // The trail as `audit-log verify` walks it.
        var chain = await AuditTrail.VerifyAsync(check);
        if (chain.BrokenAt is not null) problems.Add(chain.Message);

        // Attachment files no row names: a submission cut between storing its file and saving its row. The hourly sweep
        // deletes them once older than its grace; run here without one (nothing is being submitted now).
        var named = requests.Where(r => r.AttachmentPath is not null).Select(r => Path.GetFullPath(Path.Combine(files, r.AttachmentPath!))).ToHashSet();
        int Orphans() => Directory.Exists(Path.Combine(files, "q"))
            ? Directory.EnumerateFiles(Path.Combine(files, "q"), "*", SearchOption.AllDirectories).Count(f => !named.Contains(Path.GetFullPath(f)))
            : 0;
        var orphans = Orphans();
        int swept;
        await using (var scope = seed.Services.CreateAsyncScope())
            swept = await RequestAttachments.SweepAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider.GetRequiredService<IFileStore>(), TimeSpan.Zero, CancellationToken.None);
        if (Orphans() != 0) problems.Add($"{Orphans()} attachment files without a row are left after the sweep.");
        if (swept != orphans) problems.Add($"The sweep deleted {swept} files; {orphans} had no row.");
        foreach (var path in named.Where(p => !File.Exists(p))) problems.Add($"The sweep deleted {path}, which a request names.");

        // What a visitor sees on the restarted node: every acknowledged article is online.
        using var reader = new HttpClient { BaseAddress = again.BaseAddress };
        foreach (var op in ops.Where(o => o is { Kind: Kind.Publish, Acknowledged: true }).Take(20))
        {
            using var page = await reader.GetAsync($"/tin-tuc/tin-tuc/bai-so-{op.Index}");
            if (page.StatusCode != HttpStatusCode.OK) problems.Add($"The published article {op.ArticleId} answers {(int)page.StatusCode} after the restart.");
        }

        foreach (var kind in Enum.GetValues<Kind>())
        {
            var of = ops.Where(o => o.Kind == kind).ToList();
            var present = kind switch
            {
                Kind.Publish => articles.Values.Count(a => a.Status == ArticleStatus.Published),
                Kind.Question => questions.Count,
                Kind.Petition => petitions.Count,
                _ => of.Count(o => comments.Contains(o.Comment)),
            };
            var lost = kind switch { Kind.Publish => publishedLost.Count, Kind.Rating => ratingsLost.Count, _ => requestsLost.Count(o => o.Kind == kind) };
            output.WriteLine($"{provider} {kind}: {of.Count} sent, {of.Count(o => o.Acknowledged)} acknowledged, {present} present after the restart, {lost} lost, " +
                $"{of.Count(o => !o.Answered)} cut by the kill.");
        }
        output.WriteLine($"{provider}: {ops.Count(o => o.Acknowledged)} of {ops.Count} acknowledged before the kill; audit chain: {chain.Message}; " +
            $"{orphans} attachment files without a row (deleted by the sweep); problems: {problems.Count}.");

        Assert.Empty(publishedLost.Concat(requestsLost).Concat(ratingsLost).Select(o => $"{o.Kind} {o.Index} {o.Code}"));
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
    }

    private static string ContentUrlsFor(Article a) => $"/tin-tuc/tin-tuc/{a.Slug}";

    private static HttpContent Form(Dictionary<string, string> fields, byte[]? image, string token)
    {
        var form = new Multipart();
        foreach (var (k, v) in fields) form.Field(k, v);
        if (image is not null) form.File("Attachment", "anh-hien-truong.png", image, "image/png");
        form.Field(AdminClient.TokenField, token);
        return form.ToContent();
    }

    /// <summary>A rating as a browser without script sends it, each from a visitor of its own (its user agent).</summary>
    private static HttpRequestMessage Rating(Operation op, int articleId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/danh-gia")
        {
            Content = new FormUrlEncodedContent([new("Kind", RatingKinds.Article), new("RefId", articleId.ToString(CultureInfo.InvariantCulture)),
                new("Useful", op.Index % 4 == 0 ? "khong" : "co"), new("Comment", op.Comment)]),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", $"Mozilla/5.0 (X11; Linux x86_64) Khach-{op.Index}");
        return request;
    }

    /// <summary>Articles a contributor sent for review, each with its first revision, and one already published (to rate).</summary>
    private static async Task<(List<int> Submitted, Article Rated)> SeedArticlesAsync(TestApp app, Site portal, Category category) =>
        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            Article Make(string slug, string title, ArticleStatus status) => new()
            {
                SiteId = portal.Id, CategoryId = category.Id, Slug = slug, Title = title, Summary = "Tin hoạt động của tỉnh.",
                Body = "<p>Ủy ban nhân dân tỉnh Đông Minh thông báo.</p>", Author = "Phòng Thông tin", PublishedAt = now, UpdatedAt = now, Status = status,
            };
            var submitted = Enumerable.Range(0, Publishes).Select(i => Make($"bai-so-{i}", $"Thông báo số {i} của Ủy ban nhân dân tỉnh", ArticleStatus.Submitted)).ToList();
            var rated = Make("bai-duoc-danh-gia", "Kết quả thi tốt nghiệp trung học phổ thông", ArticleStatus.Published);
            db.Articles.AddRange(submitted);
            db.Articles.Add(rated);
            foreach (var a in submitted.Append(rated))
                db.ArticleRevisions.Add(new ArticleRevision
                {
                    SiteId = portal.Id, Article = a, Number = 1, SavedAt = now, SavedByName = "Lê Văn Tài", Status = ArticleStatus.Submitted,
                    Title = a.Title, Summary = a.Summary, Body = a.Body, Author = a.Author, Note = "Tạo bài",
                });
            await db.SaveChangesAsync();
            return (submitted.Select(a => a.Id).ToList(), rated);
        });
}
