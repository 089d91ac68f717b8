using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinhBach.Features.Accounts;
using MinhBach.Features.Sites;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace MinhBach.Tests.Browser;

/// <summary>
/// The OWASP XSS filter-evasion payloads typed into every plain and rich-text field of every editor under /quan-tri, in
/// Chromium, through the real forms; then every public and administration page that shows that content is opened, and
/// nothing may run (see <see cref="XssProbe"/>). Each form is first posted with payloads in every field, numbers, dates
/// and lists included (the page that refuses it echoes what was typed), then with valid values where a format is checked
/// and payloads everywhere else, so that they are stored. Address fields get script addresses in the first post.
/// </summary>
public sealed class XssTests(ITestOutputHelper output)
{
    private const string Email = "quantri.xss@tinh.gov.vn";
    private const string Password = "DongMinh2026a";
    private const string ValidPhone = "0203 3812 345";

    private static readonly IReadOnlyList<XssPayload> Payloads = XssPayloads.All;

    /// <summary>Which payload goes where, what was stored, and a log of each form for the report.</summary>
    private sealed class Campaign(XssProbe probe, ITestOutputHelper output)
    {
        private readonly HashSet<int> _inPlain = [];
        private readonly HashSet<int> _inRich = [];
        private readonly IReadOnlyList<string> _chunks = XssPayloads.RichChunks(10);
        private readonly List<XssPayload> _queue = [];
        private int _shaped;
        private int _hostile;
        private int _address;
        private int _rich;

        public XssProbe Probe => probe;
        public IReadOnlyCollection<int> InPlain => _inPlain;
        public IReadOnlyCollection<int> InRich => _inRich;
        public List<string> AcceptedFormatted { get; } = [];
        public List<string> NotVietnamese { get; } = [];

        /// <summary>The next payload in turn that fits the field (its maxlength); those skipped come next time.</summary>
        public XssPayload NextPlain(int? max = null)
        {
            if (_queue.Count == 0) _queue.AddRange(Payloads);
            var p = _queue.FirstOrDefault(x => x.Posted.Length <= (max ?? int.MaxValue)) ?? Payloads.MinBy(x => x.Posted.Length)!;
            _queue.Remove(p);
            return p;
        }

        // Values shaped like an address or e-mail carry a payload too, counted apart so that the rotation above reaches every payload.
        private XssPayload NextShaped() => Payloads[_shaped++ % Payloads.Count];
        private XssPayload NextHostile() => Payloads[_hostile++ % Payloads.Count];
        private string NextAddress() => XssPayloads.ScriptAddresses[_address++ % XssPayloads.ScriptAddresses.Count];

        private (string Html, int[] Ids) NextChunk()
        {
            var i = _rich++ % _chunks.Count;
            return (_chunks[i], Payloads.Skip(i * 10).Take(10).Select(p => p.Id).ToArray());
        }

        public void Log(string line) => output.WriteLine(line);

        private string CurrentPath() => Uri.TryCreate(probe.Page.Url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) ? u.PathAndQuery : "";

        /// <summary>A payload that is typed directly (not through a form helper) and was stored.</summary>
        public void Stored(XssPayload p) => _inPlain.Add(p.Id);

        public void StoredRich(IEnumerable<int> ids) => _inRich.UnionWith(ids);

        /// <summary>
        /// First every field gets a payload (lists and numbers too) and the post must be refused where any check exists;
        /// then, unless <paramref name="hostileOnly"/>, fields with a format get a value of that format (or a payload shaped
        /// like it), <paramref name="valid"/> wins (null: a plain payload), and everything else gets payloads; that must save.
        /// </summary>
        public async Task<FormOutcome> FormAsync(string what, string path, string form, IReadOnlyDictionary<string, string?>? valid = null,
            bool hostileOnly = false, bool validOnly = false, Func<Task>? prepare = null, string? hostilePath = null)
        {
            valid ??= new Dictionary<string, string?>();
            FormOutcome? first = null;
            if (!validOnly)
            {
                if (hostilePath is not null || CurrentPath() != path)
                    await probe.GotoAsync(hostilePath ?? path, $"{what}: open {hostilePath ?? path}");
                var fields = await XssForms.FieldsAsync(probe.Page, form);
                var values = new Dictionary<string, string>();
                var plain = new List<int>();
                foreach (var f in fields.Where(f => f.Type != "checkbox"))
                {
                    if (f.Rich) values[f.Name] = XssPayloads.RichAll;
                    else if (f.Name.EndsWith("Url", StringComparison.Ordinal)) values[f.Name] = NextAddress();
                    else
                    {
                        var p = NextHostile();
                        values[f.Name] = p.Posted;
                        plain.Add(p.Id);
                    }
                }
                if (prepare is not null) await prepare();
                probe.Step($"{what}: post with payloads in every field");
                first = await XssForms.PostAsync(probe, form, values);
                Log($"{what}: payloads in [{string.Join(", ", values.Keys)}] -> {(first.Saved ? "saved" : $"refused ({first.Status}): {string.Join(" | ", first.Errors)}")}");
                // Messages are read by people: in Vietnamese, naming fields by their labels, never by property names.
                foreach (var e in first.Errors)
                    if (e.Contains("The field", StringComparison.Ordinal) || e.Contains("is invalid", StringComparison.Ordinal)
                        || fields.Any(f => e.Contains($"mục {f.Name.Split('.')[^1]} ", StringComparison.Ordinal)))
                        NotVietnamese.Add($"{what}: {e}");
                if (first.Saved)
                {
                    _inPlain.UnionWith(plain);
                    if (fields.Any(f => f.Rich)) _inRich.UnionWith(Payloads.Select(p => p.Id));
                    foreach (var f in fields.Where(f => f.Name.EndsWith("Url", StringComparison.Ordinal)))
                        AcceptedFormatted.Add($"{what}: {f.Name} accepted the script address {values[f.Name]}");
                    return first;
                }
                if (hostileOnly) return first;
            }

            // The page that refused the first post carries the form again: posting from it saves a page load.
            if (validOnly || !await XssForms.HasAsync(probe.Page, form))
                await probe.GotoAsync(path, $"{what}: open {path}");
            var fields2 = await XssForms.FieldsAsync(probe.Page, form);
            var values2 = new Dictionary<string, string>();
            var plain2 = new List<int>();
            var rich2 = new List<int>();
            var shaped = new List<string>();
            foreach (var f in fields2)
            {
                if (valid.TryGetValue(f.Name, out var v))
                {
                    if (v is null)
                    {
                        var p = NextPlain(f.MaxLength);
                        values2[f.Name] = p.Posted;
                        plain2.Add(p.Id);
                    }
                    else values2[f.Name] = v;
                    continue;
                }
                if (f.Type == "checkbox" || f.Type is "number" or "date" or "time" or "datetime-local") continue;
                if (f.Tag == "select")
                {
                    if (f.Value.Length == 0 && f.Options.FirstOrDefault(o => o.Length > 0) is { } option) values2[f.Name] = option;
                    continue;
                }
                if (f.Rich)
                {
                    var (html, ids) = NextChunk();
                    values2[f.Name] = html;
                    rich2.AddRange(ids);
                    continue;
                }
                var name = f.Name;
                string? formatted = name switch
                {
                    _ when name.EndsWith("Email", StringComparison.Ordinal) => XssPayloads.EmailShaped(NextShaped()),
                    _ when name.EndsWith("Phone", StringComparison.Ordinal) || name.EndsWith("Fax", StringComparison.Ordinal) => ValidPhone,
                    _ when name.EndsWith("SourceUrl", StringComparison.Ordinal) || name == "Form.Url" => XssPayloads.WebAddressShaped(NextShaped()),
                    _ when name.EndsWith("Url", StringComparison.Ordinal) => XssPayloads.LocalPathShaped(NextShaped()),
                    _ when name.EndsWith("Slug", StringComparison.Ordinal) || name.EndsWith("EmcSiteId", StringComparison.Ordinal) => "",
                    _ => null,
                };
                if (formatted is not null)
                {
                    values2[name] = formatted;
                    if (formatted != ValidPhone && formatted.Length > 0) shaped.Add(name);
                    continue;
                }
                var payload = NextPlain(f.MaxLength);
                values2[name] = payload.Posted;
                plain2.Add(payload.Id);
            }
            if (prepare is not null) await prepare();
            probe.Step($"{what}: post with payloads in the free-text fields");
            var second = await XssForms.PostAsync(probe, form, values2);
            Log($"{what}: payloads in [{string.Join(", ", plain2.Count == 0 ? ["-"] : values2.Keys.Where(k => !shaped.Contains(k)))}], shaped like their format in [{string.Join(", ", shaped)}] -> {(second.Saved ? "saved" : $"refused: {string.Join(" | ", second.Errors)}")}");
            Assert.True(second.Saved, $"{what} did not save with payloads in its free-text fields ({second.Status} {second.Url}): {string.Join(" | ", second.Errors)}");
            foreach (var s in shaped) AcceptedFormatted.Add($"{what}: {s} accepted {values2[s]}");
            _inPlain.UnionWith(plain2);
            _inRich.UnionWith(rich2);
            return second;
        }
    }

    [BrowserFact]
    public async Task No_OWASP_payload_typed_into_any_editor_runs_on_a_public_or_administration_page()
    {
        var started = DateTime.UtcNow;
        await using var app = await TestApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Accounts:TwoFactorRequiredFrom"] = "None" });
        await app.CreatePortalAsync();
        var soA = await app.AddSiteAsync("so-a", "Trang thông tin điện tử Sở Khoa học và Công nghệ");
        // The display name is set when an account is made (the board's form is covered below); this one is everywhere the
        // signed-in editor is named: the header, revisions, the audit log, proposals, royalties, the default author.
        await app.CreateUserAsync(Email, Password, fullName: Payloads[2].Text);
        await app.GrantAsync(Email, "so-a", SiteRole.SiteAdmin);
        await app.GrantAsync(Email, "", SiteRole.SiteAdmin);
        // Site facts no form edits: written straight to the database, to prove they are encoded when shown.
        await app.WithDbAsync(async db =>
        {
            var s = await db.Sites.SingleAsync(x => x.Id == soA.Id);
            s.ShortName = Payloads[15].Text;
            s.Description = Payloads[16].Text;
            s.LogoUrl = XssPayloads.LocalPathShaped(Payloads[19]);
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<SiteDirectory>().Invalidate();
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd");
        var png = Png();

        var (playwright, browser) = await Browsers.LaunchAsync();
        try
        {
            var probe = await XssProbe.OpenAsync(browser, app.BaseAddress);
            await probe.SelfTestAsync();
            var c = new Campaign(probe, output);
            var page = probe.Page;

            // Sign-in: a payload as the user name and as the return address, then the real account (the return address is ignored).
            await c.FormAsync("sign-in", "/quan-tri/dang-nhap?ReturnUrl=javascript:alert(110)", "main form.form",
                new Dictionary<string, string?> { ["UserName"] = Email, ["Password"] = Password },
                hostilePath: "/quan-tri/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(Payloads[0].Text));
            Assert.EndsWith("/quan-tri", page.Url);

            // Site settings, on the component site and on the portal; self-approval on, so one person can publish below.
            var settings = new Dictionary<string, string?>
            {
                ["Form.Phone"] = null, ["Form.Fax"] = null, ["Form.AllowSelfApproval"] = "true", ["Form.EmcEnabled"] = "false", ["Form.IsAggregatedSite"] = "false",
            };
            await c.FormAsync("settings of so-a", "/so-a/quan-tri/cai-dat", "main form.form", settings);
            await c.FormAsync("settings of the portal", "/quan-tri/cai-dat", "main form.form", settings);

            // Content editors of so-a.
            await c.FormAsync("category", "/so-a/quan-tri/chuyen-muc/moi", "main form.form", new Dictionary<string, string?> { ["Form.ShowOnHome"] = "true" });
            // The raw NUL payload: ASP.NET Core will not read such a form, and the answer is the 400 page, nothing saved.
            var nul = Payloads.Single(p => p.Text.Contains('\0', StringComparison.Ordinal));
            await probe.GotoAsync("/so-a/quan-tri/chuyen-muc/moi", "a NUL character in a form: open");
            var refused = await XssForms.PostAsync(probe, "main form.form", new Dictionary<string, string> { ["Form.Name"] = nul.Text, ["Form.Order"] = "3" });
            Assert.Equal(400, refused.Status);
            Assert.Equal("Yêu cầu không hợp lệ", (await page.InnerTextAsync("h1")).Trim());
            c.Log($"a NUL character in a form -> {refused.Status} {(await page.InnerTextAsync("h1")).Trim()}");
            await c.FormAsync("portal category", "/quan-tri/chuyen-muc/moi", "main form.form", new Dictionary<string, string?> { ["Form.ShowOnHome"] = "true" });
            await c.FormAsync("introduction page (vi)", "/so-a/quan-tri/trang-gioi-thieu/moi", "main form.form", new Dictionary<string, string?> { ["Form.Language"] = "vi" });
            await c.FormAsync("introduction page (en)", "/so-a/quan-tri/trang-gioi-thieu/moi", "main form.form", new Dictionary<string, string?> { ["Form.Language"] = "en" });
            await c.FormAsync("organisation unit", "/so-a/quan-tri/co-cau-to-chuc/moi", "main form.form");
            await c.FormAsync("leader", "/so-a/quan-tri/lanh-dao/moi", "main form.form", new Dictionary<string, string?> { ["Form.BirthYear"] = "1970" });
            await c.FormAsync("contact", "/so-a/quan-tri/dau-moi/moi", "main form.form");
            await c.FormAsync("document", "/so-a/quan-tri/van-ban/moi", "main form.form", new Dictionary<string, string?> { ["Form.IssuedOn"] = today });
            await c.FormAsync("schedule entry", $"/so-a/quan-tri/lich-cong-tac/moi?ngay={today}", "main form.form",
                new Dictionary<string, string?> { ["Form.Date"] = today, ["Form.StartTime"] = "08:00" });
            await c.FormAsync("link", "/so-a/quan-tri/lien-ket/moi", "main form.form");

            // The board: a new account named with a payload, then payloads as an e-mail to add and as a role.
            await c.FormAsync("board: new account", "/so-a/quan-tri/ban-bien-tap", "form[action*='handler=Create']",
                new Dictionary<string, string?> { ["NewAccount.Email"] = "thanhvien.xss@tinh.gov.vn", ["NewAccount.Role"] = nameof(SiteRole.Editor) });
            await c.FormAsync("board: add an account", "/so-a/quan-tri/ban-bien-tap", "form[action*='handler=Add']", hostileOnly: true);
            await c.FormAsync("board: change a role", "/so-a/quan-tri/ban-bien-tap", "form[action*='handler=Change']", hostileOnly: true);
            await c.FormAsync("security: authenticator code", "/so-a/quan-tri/tai-khoan", "form[action*='handler=Enable']", hostileOnly: true);

            // Media: a file named like markup that is not an image, then a real image whose alt text is a payload.
            var mediaAlt = c.NextPlain();
            await c.FormAsync("media library", "/so-a/quan-tri/thu-vien-anh", "main form.form",
                new Dictionary<string, string?> { ["Alt"] = mediaAlt.Posted },
                prepare: () => page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "anh.png", MimeType = "image/png", Buffer = png }),
                hostilePath: "/so-a/quan-tri/thu-vien-anh");
            c.Stored(mediaAlt);
            probe.Step("media library: a markup-named SVG");
            await page.SetInputFilesAsync("input[type=file]", new FilePayload
            {
                Name = "\"><img src=x onerror=alert(111)>.svg", MimeType = "image/svg+xml", Buffer = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(111)\"/>"),
            });
            var svg = await XssForms.PostAsync(probe, "main form.form", new Dictionary<string, string> { ["Alt"] = Payloads[4].Text });
            Assert.False(svg.Saved, "an SVG upload was accepted");
            c.Log($"media library: SVG named like markup -> refused: {string.Join(" | ", svg.Errors)}");

            // Royalty rates: a payload as a rate's name; payloads as numbers are refused.
            await c.FormAsync("royalty rate", "/so-a/quan-tri/nhuan-but/bieu-muc", "form[action*='handler=Add']", new Dictionary<string, string?> { ["Points"] = "2" });
            await c.FormAsync("royalty rate: rename", "/so-a/quan-tri/nhuan-but/bieu-muc", "form[action*='handler=Update']", new Dictionary<string, string?> { ["Points"] = "3" });
            await c.FormAsync("royalty point value", "/so-a/quan-tri/nhuan-but/bieu-muc", "form[action*='handler=PointValue']", hostileOnly: true);

            // Article A, the raw HTML path: the body field as posted, every payload in it; republished, so the source fields too.
            var saved = await c.FormAsync("article A", "/so-a/quan-tri/tin-bai/moi", "form[action*='handler=Save']", new Dictionary<string, string?>
            {
                ["Form.Body"] = XssPayloads.RichAll, ["Form.SourceDate"] = "2025-12-01", ["Form.IsFeatured"] = "true",
            });
            c.StoredRich(Payloads.Select(p => p.Id));
            var articleA = new Uri(saved.Url).AbsolutePath;
            await Step(c, "article A: submit", "form[action*='handler=Submit'] button", "msg=gui");
            await c.FormAsync("article A: return with a comment", articleA, "form[action*='handler=Return']", hostileOnly: true);
            Assert.Contains("msg=tra", page.Url);
            await c.FormAsync("article A: second version", articleA, "form[action*='handler=Save']", new Dictionary<string, string?>
            {
                ["Form.SourceDate"] = "2025-12-02", ["Form.IsFeatured"] = "true",
            }, validOnly: true);
            await Step(c, "article A: submit again", "form[action*='handler=Submit'] button", "msg=gui");
            await c.FormAsync("article A: approve at a payload time", articleA, "form[action*='handler=Approve']", hostileOnly: true);
            await Step(c, "article A: approve (publishes)", "form[action*='handler=Approve'] button", "msg=duyet");
            await c.FormAsync("article A: royalty", articleA, "form[action*='handler=Royalty']", new Dictionary<string, string?> { ["RoyaltyPoints"] = "2" });
            await c.FormAsync("article A: propose to the portal", articleA, "form[action*='handler=Propose']", hostileOnly: true);
            Assert.Contains("msg=de-xuat", page.Url);
            var declined = await app.WithDbAsync(db => db.SyndicationProposals.IgnoreQueryFilters().Select(p => p.Id).SingleAsync());
            await c.FormAsync("proposal: decline", $"/quan-tri/de-xuat/{declined}", "form[action*='handler=Decline']", hostileOnly: true);
            await c.FormAsync("article A: propose again", articleA, "form[action*='handler=Propose']", hostileOnly: true);
            var accepted = await app.WithDbAsync(db => db.SyndicationProposals.IgnoreQueryFilters().Where(p => p.Id != declined).Select(p => p.Id).SingleAsync());
            await c.FormAsync("proposal: accept", $"/quan-tri/de-xuat/{accepted}", "form[action*='handler=Accept']");

            // Article B, the editor's path: payloads typed as text into Quill, and pasted as HTML through its clipboard.
            await probe.GotoAsync("/so-a/quan-tri/tin-bai/moi", "article B: write in the rich-text editor");
            foreach (var field in new[] { "#Form_Title", "#Form_Summary", "#Form_Author" })
            {
                var p = c.NextPlain();
                await page.FillAsync(field, p.Posted);
                c.Stored(p);
            }
            await page.ClickAsync(".ql-editor");
            await page.Keyboard.InsertTextAsync(string.Join(" ", Payloads.Select(p => p.Posted)));
            await page.EvaluateAsync(PasteScript, XssPayloads.RichAll);
            await probe.CheckAsync();
            var b = await XssForms.ClickAsync(probe, "form[action*='handler=Save'] button[type=submit]");
            Assert.True(b.Saved && b.Url.Contains("msg=luu"), $"article B did not save: {string.Join(" | ", b.Errors)}");
            c.StoredRich(Payloads.Select(p => p.Id));
            var articleB = new Uri(b.Url).AbsolutePath;
            var bId = int.Parse(articleB.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var bBody = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(x => x.Id == bId).Select(x => x.Body).SingleAsync());
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", bBody); // typed as text, kept as text
            await c.FormAsync("article B: publish at once with a reason", articleB, "form[action*='handler=ForcePublish']", hostileOnly: true);
            Assert.Contains("msg=xuat-ban", page.Url);
            c.Log($"forms done after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

            // What was saved, by address.
            var ids = await app.WithDbAsync(async db => new
            {
                Category = await db.Categories.IgnoreQueryFilters().Where(x => x.SiteId == soA.Id).Select(x => new { x.Id, x.Slug }).SingleAsync(),
                PortalCategory = await db.Categories.IgnoreQueryFilters().Where(x => x.SiteId != soA.Id).Select(x => new { x.Id, x.Slug }).SingleAsync(),
                Articles = await db.Articles.IgnoreQueryFilters().Include(a => a.Category).OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug, Category = a.Category!.Slug, a.SiteId }).ToListAsync(),
                Pages = await db.Pages.IgnoreQueryFilters().OrderBy(x => x.Id).Select(x => new { x.Id, x.Slug, x.Language }).ToListAsync(),
                OrgUnit = await db.OrgUnits.IgnoreQueryFilters().Select(x => x.Id).SingleAsync(),
                Leader = await db.Leaders.IgnoreQueryFilters().Select(x => new { x.Id, x.Slug }).SingleAsync(),
                Contact = await db.Contacts.IgnoreQueryFilters().Select(x => x.Id).SingleAsync(),
                Document = await db.Documents.IgnoreQueryFilters().Select(x => new { x.Id, x.Slug }).SingleAsync(),
                Schedule = await db.ScheduleEntries.IgnoreQueryFilters().Select(x => x.Id).SingleAsync(),
                Link = await db.SiteLinks.IgnoreQueryFilters().Select(x => x.Id).SingleAsync(),
                Revisions = await db.ArticleRevisions.IgnoreQueryFilters().Where(r => r.SiteId == soA.Id).OrderByDescending(r => r.Number).Select(r => new { r.ArticleId, r.Number }).ToListAsync(),
            });
            var a = ids.Articles.Where(x => x.SiteId == soA.Id).ToList();
            var copy = ids.Articles.Single(x => x.SiteId != soA.Id);
            var vi = ids.Pages.Single(x => x.Language == "vi");
            var en = ids.Pages.Single(x => x.Language == "en");
            var revA = ids.Revisions.Where(r => r.ArticleId == a[0].Id).Select(r => r.Number).ToList();

            var pages = new List<(string Path, int Status)>
            {
                // Public pages of so-a.
                ("/so-a/", 200), ("/so-a/tin-tuc", 200), ($"/so-a/tin-tuc/{ids.Category.Slug}", 200),
                ($"/so-a/tin-tuc/{a[0].Category}/{a[0].Slug}", 200), ($"/so-a/tin-tuc/{a[0].Category}/{a[0].Slug}/in", 200),
                ($"/so-a/tin-tuc/{a[1].Category}/{a[1].Slug}", 200), ($"/so-a/tin-tuc/{a[1].Category}/{a[1].Slug}/in", 200),
                ("/so-a/gioi-thieu", 200), ($"/so-a/gioi-thieu/{vi.Slug}", 200), ("/so-a/co-cau-to-chuc", 200), ("/so-a/lanh-dao", 200),
                ($"/so-a/lanh-dao/{ids.Leader.Slug}", 200), ("/so-a/lien-he", 200), ("/so-a/lich-cong-tac", 200), ("/so-a/van-ban", 200),
                ($"/so-a/van-ban/{ids.Document.Slug}", 200), ("/so-a/so-do-cong", 200), ("/so-a/rss", 200), ("/so-a/tim-kiem?q=alert", 200),
                ("/so-a/en", 200), ($"/so-a/en/{en.Slug}", 200), ("/so-a/en/organisation", 200), ("/so-a/en/leaders", 200), ("/so-a/en/contacts", 200),
                // Public pages of the portal: the accepted copy, the list of component sites, the province-wide search.
                ("/", 200), ("/tin-tuc", 200), ($"/tin-tuc/{ids.PortalCategory.Slug}", 200), ($"/tin-tuc/{copy.Category}/{copy.Slug}", 200),
                ($"/tin-tuc/{copy.Category}/{copy.Slug}/in", 200), ("/trang-thanh-phan", 200), ("/so-do-cong", 200), ("/tim-kiem?q=alert&pham-vi=tinh", 200),
                // Administration of so-a.
                ("/so-a/quan-tri", 200), ("/so-a/quan-tri/tin-bai", 200), ($"/so-a/quan-tri/tin-bai/{a[0].Id}", 200), ($"/so-a/quan-tri/tin-bai/{a[1].Id}", 200),
                ($"/so-a/quan-tri/tin-bai/{a[0].Id}/lich-su", 200), ($"/so-a/quan-tri/tin-bai/{a[0].Id}/lich-su?a={revA[^1]}&b={revA[0]}", 200),
                ($"/so-a/quan-tri/tin-bai/{a[1].Id}/lich-su", 200), ("/so-a/quan-tri/thu-vien-anh", 200),
                ("/so-a/quan-tri/chuyen-muc", 200), ($"/so-a/quan-tri/chuyen-muc/{ids.Category.Id}", 200),
                ("/so-a/quan-tri/trang-gioi-thieu", 200), ($"/so-a/quan-tri/trang-gioi-thieu/{vi.Id}", 200), ($"/so-a/quan-tri/trang-gioi-thieu/{en.Id}", 200),
                ("/so-a/quan-tri/co-cau-to-chuc", 200), ($"/so-a/quan-tri/co-cau-to-chuc/{ids.OrgUnit}", 200),
                ("/so-a/quan-tri/lanh-dao", 200), ($"/so-a/quan-tri/lanh-dao/{ids.Leader.Id}", 200),
                ("/so-a/quan-tri/dau-moi", 200), ($"/so-a/quan-tri/dau-moi/{ids.Contact}", 200),
                ("/so-a/quan-tri/van-ban", 200), ($"/so-a/quan-tri/van-ban/{ids.Document.Id}", 200),
                ("/so-a/quan-tri/lich-cong-tac", 200), ($"/so-a/quan-tri/lich-cong-tac/{ids.Schedule}", 200),
                ("/so-a/quan-tri/lien-ket", 200), ($"/so-a/quan-tri/lien-ket/{ids.Link}", 200),
                ("/so-a/quan-tri/ban-bien-tap", 200), ("/so-a/quan-tri/cai-dat", 200), ("/so-a/quan-tri/nhat-ky", 200),
                ("/so-a/quan-tri/nhuan-but", 200), ("/so-a/quan-tri/nhuan-but/bieu-muc", 200), ("/so-a/quan-tri/de-xuat", 200),
                // Administration of the portal: the proposals, the copy and its history, the audit log.
                ("/quan-tri", 200), ("/quan-tri/de-xuat", 200), ($"/quan-tri/de-xuat/{declined}", 200), ($"/quan-tri/de-xuat/{accepted}", 200),
                ($"/quan-tri/tin-bai/{copy.Id}", 200), ($"/quan-tri/tin-bai/{copy.Id}/lich-su", 200), ("/quan-tri/tin-bai", 200),
                ("/quan-tri/nhat-ky", 200), ("/quan-tri/chuyen-muc", 200), ("/quan-tri/cai-dat", 200),
            };
            foreach (var (path, status) in pages)
                Assert.True(await probe.GotoAsync(path) == status, $"{path} did not answer {status}");

            // The payloads are there, shown as the text that was typed.
            var titleA = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(x => x.Id == a[0].Id).Select(x => x.Title).SingleAsync());
            await probe.GotoAsync($"/so-a/tin-tuc/{a[0].Category}/{a[0].Slug}");
            Assert.Equal(titleA, (await page.TextContentAsync("main h1"))?.Trim());
            Assert.Contains(titleA, Payloads.Select(p => p.Posted));

            // Payloads in addresses: every payload as a search; the others in turn in every path and query string that reads one.
            foreach (var p in Payloads)
                await probe.GotoAsync("/so-a/tim-kiem?q=" + Uri.EscapeDataString(p.Text), $"search for payload {p}");
            var n = 0;
            string Next() => Uri.EscapeDataString(Payloads[n++ % Payloads.Count].Text);
            foreach (var path in new[]
            {
                $"/so-a/{Next()}", $"/so-a/tin-tuc/{Next()}", $"/so-a/tin-tuc/{ids.Category.Slug}/{Next()}", $"/so-a/lanh-dao/{Next()}", $"/so-a/van-ban/{Next()}",
                $"/so-a/lich-cong-tac?tuan={Next()}", $"/so-a/van-ban?q={Next()}&loai={Next()}&nam={Next()}", $"/so-a/tin-tuc?trang={Next()}",
                $"/tim-kiem?q={Next()}&pham-vi={Next()}", $"/so-a/quan-tri/tin-bai?q={Next()}&loc={Next()}",
                $"/so-a/quan-tri/nhat-ky?nguoi={Next()}&loai={Next()}&tu={Next()}&den={Next()}", $"/so-a/quan-tri/van-ban?q={Next()}&loai={Next()}",
                $"/so-a/quan-tri/nhuan-but?thang={Next()}", $"/so-a/quan-tri/lich-cong-tac?tuan={Next()}", $"/so-a/quan-tri/tin-bai/{a[0].Id}/lich-su?a={Next()}&b={Next()}",
                $"/so-a/quan-tri/chuyen-muc?msg={Next()}", $"/so-a/quan-tri/{Next()}", $"/loi/{Next()}",
            })
            {
                var status = await probe.GotoAsync(path);
                Assert.True(status is > 0 and < 500, $"{path} answered {status}");
            }

            // RSS, sitemaps and robots.txt are not HTML: the payloads must be escaped text, never markup.
            foreach (var path in new[] { "/so-a/rss/tin-moi.xml", $"/so-a/rss/{ids.Category.Slug}.xml", "/so-a/sitemap.xml", "/rss/tin-moi.xml",
                         $"/rss/{ids.PortalCategory.Slug}.xml", "/sitemap.xml", "/robots.txt", "/so-a/robots.txt" })
                await AssertInertTextAsync(app, path);

            c.Log($"{probe.PagesChecked} pages checked after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            foreach (var line in c.AcceptedFormatted) c.Log("accepted: " + line);
            probe.AssertNothingRan();
            Assert.DoesNotContain(c.AcceptedFormatted, x => x.Contains("script address", StringComparison.Ordinal));
            Assert.Empty(c.NotVietnamese);
            Assert.Equal(Payloads.Select(p => p.Id).Order(), c.InPlain.Order());
            Assert.Equal(Payloads.Select(p => p.Id).Order(), c.InRich.Order());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [BrowserFact]
    public async Task The_rich_text_editor_keeps_only_the_formats_of_its_toolbar_from_pasted_HTML()
    {
        await using var w = await EditorsWorld.StartAsync(Databases.Sqlite);
        await w.EnsureAccountAsync(Who.EditorA);
        var (playwright, browser) = await Browsers.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { BaseURL = w.App.BaseAddress.ToString() });
            await page.GotoAsync("/quan-tri/dang-nhap");
            await page.FillAsync("#UserName", EditorsWorld.Email(Who.EditorA));
            await page.FillAsync("#Password", EditorsWorld.Password);
            await page.ClickAsync("main form button[type=submit]");
            await page.LeftAsync("dang-nhap");
            await page.GotoAsync("/so-a/quan-tri/trang-gioi-thieu/moi");
            await page.EvaluateAsync(PasteScript,
                "<p>Đoạn <b>đậm</b> và <a href=\"https://dichvucong.gov.vn\">liên kết</a></p><iframe src=\"https://xss.invalid/khung\"></iframe>" +
                "<pre class=\"ql-syntax\">mã</pre><p><span style=\"color:red;background:url(https://xss.invalid/nen)\" class=\"ql-font-serif ql-size-huge\">màu</span></p>");
            var editor = page.Locator(".ql-editor");
            await Assertions.Expect(editor.Locator("strong")).ToHaveTextAsync("đậm");
            Assert.Equal("https://dichvucong.gov.vn/", await editor.Locator("a").EvaluateAsync<string>("a => a.href"));
            Assert.Equal(0, await editor.Locator("iframe, pre, [style], .ql-font-serif, .ql-size-huge").CountAsync());
            Assert.Contains("màu", await editor.InnerTextAsync());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Pastes HTML into the rich-text editor as a browser does: a paste event carrying text/html.</summary>
    private const string PasteScript = """
        html => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          document.querySelector('.ql-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """;

    private static async Task Step(Campaign c, string what, string button, string expected)
    {
        c.Probe.Step(what);
        var outcome = await XssForms.ClickAsync(c.Probe, button);
        Assert.True(outcome.Url.Contains(expected, StringComparison.Ordinal), $"{what}: {outcome.Url} {string.Join(" | ", outcome.Errors)}");
        c.Log($"{what} -> {outcome.Url}");
    }

    private static readonly HashSet<string> FeedElements =
        ["rss", "channel", "title", "link", "description", "language", "lastBuildDate", "item", "guid", "pubDate", "category", "author", "urlset", "url", "loc", "lastmod"];

    private static async Task AssertInertTextAsync(TestApp app, string path)
    {
        using var response = await app.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        foreach (var tag in new[] { "<script", "<img", "<svg", "<iframe", "<a ", "<body", "<meta", "<base", "<object", "<embed", "<math", "<style" })
            Assert.False(text.Contains(tag, StringComparison.OrdinalIgnoreCase), $"{path} carries {tag} unescaped");
        if (path.EndsWith(".txt", StringComparison.Ordinal)) return;
        if (path.Contains("/rss/", StringComparison.Ordinal)) Assert.Contains("&lt;", text, StringComparison.Ordinal);
        var names = XDocument.Parse(text).Descendants().Select(e => e.Name.LocalName).Distinct().ToList();
        Assert.True(names.All(FeedElements.Contains), $"{path} has unexpected elements: {string.Join(", ", names.Where(n => !FeedElements.Contains(n)))}");
    }

    private static byte[] Png()
    {
        using var surface = SKSurface.Create(new SKImageInfo(64, 48));
        surface.Canvas.Clear(new SKColor(0x0b, 0x4f, 0x8a));
        using var img = surface.Snapshot();
        using var data = img.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
