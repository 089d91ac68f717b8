using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Media;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using SkiaSharp;

namespace MinhBach.Tests.Media;

/// <summary>
/// Image uploads over real HTTP, as a signed-in user with antiforgery tokens, at the one upload endpoint
/// (/quan-tri/thu-vien-anh) in both its forms: the media library's HTML form (errors shown on the page) and the
/// rich-text editor's fetch (X-Requested-With: fetch, JSON back). Files are checked by content, re-encoded
/// (metadata and anything appended are dropped), and a refused file leaves nothing behind: no row, no file in the
/// data folder's files/, no temporary file, no audit entry.
/// Decisions: SVG is refused (a document that can carry script; not sanitised). Bytes after a whole image (a ZIP or
/// PHP appended to a JPEG, script after a GIF) do not refuse it: only the decoded pixels are stored (see
/// <see cref="Anything_after_the_image_is_dropped_by_re_encoding"/>). A file that is only an image header, or cut short,
/// is refused.
/// </summary>
public sealed class UploadTests
{
    private const string Library = "/so-a/quan-tri/thu-vien-anh";
    private const string Alt = "Toàn cảnh hội nghị tổng kết năm tại hội trường Sở";
    private static readonly bool[] BothEndpoints = [false, true];

    // What the user is told (Vietnamese, with diacritics); each is checked as a part of the message shown.
    private const string NoFile = "Hãy chọn một tệp ảnh để tải lên.";
    private const string Empty = "Tệp rỗng (0 byte)";
    private const string NotImage = "không phải ảnh JPEG, PNG, GIF hoặc WebP";
    private const string TextNotImage = "Tệp là văn bản (HTML, SVG, XML hoặc mã lệnh), không phải ảnh.";
    private const string NoSvg = "Ảnh SVG không được nhận";
    private const string Unreadable = "Không đọc được ảnh: tệp bị hỏng hoặc không đúng định dạng.";
    private const string Truncated = "Ảnh bị hỏng hoặc không đầy đủ: hãy lưu lại ảnh rồi tải lên lần nữa.";
    private const string TooLarge = "Ảnh quá lớn: mỗi tệp tối đa 10 MB.";
    private const string NoAlt = "Hãy nhập mô tả ảnh (alt) cho người khiếm thị.";
    private const string AltTooLong = "Mô tả ảnh quá dài (tối đa 500 ký tự).";

    [DatabaseTheory]
    public async Task Images_are_stored_re_encoded_without_their_metadata_and_served_as_images(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        // A camera JPEG with EXIF (make, GPS) through the library form.
        var photo = TestImages.WithExif(TestImages.Jpeg(320, 240));
        byte[] gpsLongitude = [0, 0, 0, 105, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1]; // 105°51' as EXIF rationals
        Assert.True(TestImages.Contains(photo, Encoding.ASCII.GetBytes(TestImages.ExifCameraMake)) && TestImages.Contains(photo, gpsLongitude));
        var jpeg = await AcceptedAsync(w, s, Upload("hoi-nghi.jpg", photo, "image/jpeg"), fetch: false);
        Assert.Equal(("image/jpeg", 320, 240, Alt), (jpeg.Row.ContentType, jpeg.Row.Width, jpeg.Row.Height, jpeg.Row.Alt));
        Assert.Matches($@"^{w.SoA.Id}/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.jpg$", jpeg.Row.Path);
        Assert.NotEqual(photo, jpeg.Stored);
        Assert.False(TestImages.Contains(jpeg.Stored, "Exif\0\0"u8), "The EXIF block survived re-encoding.");
        Assert.False(TestImages.Contains(jpeg.Stored, Encoding.ASCII.GetBytes(TestImages.ExifCameraMake)), "The camera make survived re-encoding.");
        Assert.False(TestImages.Contains(jpeg.Stored, gpsLongitude), "The GPS longitude survived re-encoding.");
        Assert.Equal(jpeg.Stored.Length, jpeg.Row.Size);

        // A logo with transparency through the rich-text editor: stays a PNG.
        var logo = TestImages.Png(200, 150, transparent: true);
        var png = await AcceptedAsync(w, s, Upload("logo.png", logo, "image/png"), fetch: true);
        Assert.Equal(("image/png", 200, 150), (png.Row.ContentType, png.Row.Width, png.Row.Height));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Stored[..4]);
        Assert.NotEqual(logo, png.Stored);

        // Without transparency a PNG, WebP or GIF becomes a JPEG; a PNG text chunk is dropped.
        var opaque = TestImages.PngWithText(TestImages.Png(200, 150), "Comment", "<?php system($_GET['c']); ?>");
        var fromPng = await AcceptedAsync(w, s, Upload("bieu-do.png", opaque, "image/png"), fetch: false);
        Assert.Equal("image/jpeg", fromPng.Row.ContentType);
        Assert.False(TestImages.Contains(fromPng.Stored, "<?php"u8));
        var fromWebP = await AcceptedAsync(w, s, Upload("anh.webp", TestImages.WebP(), "image/webp"), fetch: true);
        Assert.Equal(("image/jpeg", 200, 150), (fromWebP.Row.ContentType, fromWebP.Row.Width, fromWebP.Row.Height));
        var fromGif = await AcceptedAsync(w, s, Upload("diem.gif", TestImages.Gif1x1(), "image/gif"), fetch: false);
        Assert.Equal((1, 1), (fromGif.Row.Width, fromGif.Row.Height));

        // Served from /tep/… as the stored bytes, with the stored type and nosniff.
        foreach (var f in new[] { jpeg, png, fromPng, fromWebP, fromGif })
        {
            using var r = await w.App.GetAsync(f.Row.Url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(f.Row.ContentType, r.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(f.Stored, await r.Content.ReadAsByteArrayAsync());
            // The stored bytes decode as the type they are served as.
            Assert.Equal(f.Row.ContentType == "image/png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, Decode(f.Stored).Format);
        }

        // Each upload has its audit entry, and the library shows them with their alt text.
        var audit = await w.AuditAsync("media.upload");
        Assert.Equal(5, audit.Count);
        await w.AssertAuditedAsync("media.upload", jpeg.Row.Id, Who.EditorA, "hoi-nghi.jpg", "320×240");
        var page = await s.GetHtmlAsync(Library);
        Assert.Equal(5, page.QuerySelectorAll($".cards img[alt='{Alt}'][src^='/tep/']").Length);
    }

    [DatabaseTheory]
    public async Task A_photo_turned_by_its_EXIF_orientation_is_stored_upright(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        // Phones store the sensor's pixels and an orientation tag (6: turn 90° clockwise to view). Once the tag is
        // dropped with the rest of the metadata, the pixels themselves must be turned, or the photo shows on its side.
        var sideways = TestImages.WithExif(TestImages.Jpeg(320, 240), orientation: 6);
        Assert.Equal(SKEncodedOrigin.RightTop, Decode(sideways).Origin);

        var f = await AcceptedAsync(w, s, Upload("dien-thoai.jpg", sideways, "image/jpeg"), fetch: false);
        Assert.Equal((240, 320), (f.Row.Width, f.Row.Height));
        var stored = Decode(f.Stored);
        Assert.Equal((240, 320, SKEncodedOrigin.TopLeft), (stored.Width, stored.Height, stored.Origin));
        // The picture's red corner (top left) is now top right, its blue corner (bottom right) bottom left.
        using var bitmap = SKBitmap.Decode(f.Stored);
        var (topRight, bottomLeft) = (Average(bitmap, 240 - 12, 2), Average(bitmap, 2, 320 - 12));
        Assert.True(topRight.Red > topRight.Blue + 60, $"Top right should be red, is {topRight}.");
        Assert.True(bottomLeft.Blue > bottomLeft.Red + 60, $"Bottom left should be blue, is {bottomLeft}.");
    }

    [DatabaseTheory]
    public async Task Files_that_are_not_whole_images_are_refused_with_a_clear_message_and_leave_nothing_behind(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var tempBefore = AspNetTempFiles();
        var jpeg = TestImages.Jpeg(400, 300);
        var cases = new (string Case, Func<Multipart> Form, string[] Expected)[]
        {
            ("GIF/JS polyglot", () => Upload("anh.gif", "GIF89a/*\x01\x00\x00\x00\x00*/=alert(document.domain)//"u8.ToArray(), "image/gif"), [Truncated]),
            ("HTML named .png", () => Upload("anh.png", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray(), "image/png"), [TextNotImage]),
            ("SVG with a script", () => Upload("logo.svg",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray(), "image/svg+xml"),
                [TextNotImage, NoSvg]),
            ("SVG named .jpg with a BOM", () => Upload("logo.jpg", [0xEF, 0xBB, 0xBF, .. "\n  <svg onload=\"alert(1)\"/>"u8], "image/jpeg"), [TextNotImage]),
            ("PHP named .jpg", () => Upload("anh.jpg", "<?php system($_GET['c']); ?>"u8.ToArray(), "image/jpeg"), [TextNotImage]),
            ("EXE named .jpg", () => Upload("anh.jpg", [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[500]], "image/jpeg"), [NotImage]),
            ("JPEG start and nothing else", () => Upload("anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "image/jpeg"), [Unreadable]),
            ("zero-byte file", () => Upload("anh.jpg", [], "image/jpeg"), [Empty]),
            ("truncated JPEG", () => Upload("anh.jpg", jpeg[..(jpeg.Length * 6 / 10)], "image/jpeg"), [Truncated]),
            ("decompression bomb", () => Upload("bom.png", TestImages.PngDeclaring(50_000, 50_000), "image/png"), ["Ảnh 50000×50000 điểm ảnh quá lớn"]),
            ("just over the size limit", () => Upload("lon.jpg", [.. jpeg, .. new byte[ImageIntake.MaxBytes + 1 - jpeg.Length]], "image/jpeg"), [TooLarge]),
            ("no file", () => new Multipart().Field("Alt", Alt), [NoFile]),
            ("file under another field name", () => new Multipart().File("File", "anh.jpg", jpeg, "image/jpeg").Field("Alt", Alt), [NoFile]),
            ("no alt text", () => new Multipart().File("Upload", "anh.jpg", jpeg, "image/jpeg"), [NoAlt]),
            ("blank alt text", () => Upload("anh.jpg", jpeg, "image/jpeg", alt: "   "), [NoAlt]),
            ("alt text too long", () => Upload("anh.jpg", jpeg, "image/jpeg", alt: new string('ả', 501)), [AltTooLong]),
            ("neither file nor alt text", () => new Multipart(), [NoFile, NoAlt]),
        };

        var wrong = new List<string>();
        foreach (var fetch in BothEndpoints)
            foreach (var (name, form, expected) in cases)
            {
                var (status, messages) = await RefusedAsync(s, Library, form(), fetch);
                var shown = string.Join(" | ", messages);
                if (expected.Any(e => !shown.Contains(e, StringComparison.Ordinal)))
                    wrong.Add($"{(fetch ? "rich-text" : "form")}, {name}: {(int)status} \"{shown}\", expected \"{string.Join("\", \"", expected)}\"");
            }
        Assert.True(wrong.Count == 0, "Refusals with the wrong answer:\n" + string.Join("\n", wrong));
        await AssertNothingStoredAsync(w, tempBefore);
    }

    [DatabaseTheory]
    public async Task Anything_after_the_image_is_dropped_by_re_encoding(string provider)
    {
        // Decision: bytes after the end of an image (a ZIP, PHP, a script) do not refuse it; phones append their own
        // data (motion photos, vendor trailers) to ordinary JPEGs. Only the decoded pixels are re-encoded and stored,
        // so nothing after the image reaches the disk, and /tep/ serves it as an image with nosniff.
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = archive.CreateEntry("shell.php").Open())
            entry.Write("<?php system($_GET['c']); ?>"u8);
        byte[] jpegZip = [.. TestImages.Jpeg(320, 240), .. zip.ToArray(), .. "<?php echo 'polyglot'; ?>"u8];
        // A whole GIF whose header starts a JavaScript comment ("/*" is its width) and whose trailer is followed by script.
        byte[] gifJs = [.. "GIF89a/*"u8, .. TestImages.Gif1x1().AsSpan(8), .. "*/=alert(document.domain)//"u8];

        foreach (var (name, bytes, fetch) in new[] { ("anh.jpg", jpegZip, false), ("anh.gif", gifJs, true) })
        {
            var f = await AcceptedAsync(w, s, Upload(name, bytes, "image/jpeg"), fetch);
            foreach (var payload in new[] { "PK\x03\x04", "shell.php", "<?php", "alert(", "GIF89a" })
                Assert.False(TestImages.Contains(f.Stored, Encoding.Latin1.GetBytes(payload)), $"{name}: \"{payload}\" reached the stored file.");
            Assert.True(f.Row.Width <= ImageIntake.MaxSide && f.Row.Height >= 1, $"{name}: stored as {f.Row.Width}×{f.Row.Height}.");
        }
        Assert.Equal(ImageIntake.MaxSide, (await w.DbAsync(db => db.MediaFiles.IgnoreQueryFilters().SingleAsync(m => m.OriginalName == "anh.gif"))).Width);
    }

    [DatabaseTheory]
    public async Task A_decompression_bomb_is_refused_before_anything_is_decoded(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var bomb = TestImages.PngDeclaring(50_000, 50_000);
        Assert.True(bomb.Length < 2048);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var clock = Stopwatch.StartNew();
        var (_, messages) = await RefusedAsync(s, Library, Upload("bom.png", bomb, "image/png"), fetch: true);
        clock.Stop();
        process.Refresh();
        Assert.Contains("Ảnh 50000×50000 điểm ảnh quá lớn (tối đa 40 triệu điểm ảnh)", Assert.Single(messages));
        // Decoding would need 10 GB (50000 × 50000 × 4 bytes).
        Assert.True(process.PeakWorkingSet64 - peakBefore < 1L << 30, $"Peak memory grew by {(process.PeakWorkingSet64 - peakBefore) >> 20} MB.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Took {clock.Elapsed}.");
        await AssertNothingStoredAsync(w, []);
    }

    /// <summary>
    /// A body far over the cap (UploadLimitAttribute.MaxRequestBytes) is answered from its declared length, before it is
    /// read, and Kestrel drains the rest so the client reads the answer instead of a reset connection. Browsers always
    /// declare the length of a form or fetch(FormData). A body sent without one (chunked) is cut off by Kestrel at the
    /// cap: the same answer is written, but the connection is closed while the client is still sending, so such a
    /// client may only see the reset; that case is not tested here.
    /// </summary>
    [DatabaseTheory]
    public async Task A_body_far_over_the_limit_gets_the_Vietnamese_message_too(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var huge = new byte[48 * 1024 * 1024];
        TestImages.Jpeg().CopyTo(huge, 0);

        // The rich-text editor gets 413 with the message as JSON.
        var (status, messages) = await RefusedAsync(s, Library, Upload("video.jpg", huge, "image/jpeg"), fetch: true);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, TooLarge), (status, Assert.Single(messages)));

        // The form is answered before its body is read: back to the library, which says why.
        using (var r = await s.PostMultipartAsync(Library, Upload("video.jpg", huge, "image/jpeg")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode);
            Assert.Equal(Library + "?loi=qua-lon", r.Target());
        }
        var page = await s.GetHtmlAsync(Library + "?loi=qua-lon");
        Assert.Equal(TooLarge, page.QuerySelector(".errors li")?.TextContent.Trim());

        await AssertNothingStoredAsync(w, []);
    }

    [DatabaseTheory]
    public async Task Only_members_of_a_site_can_upload_to_it(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var jpeg = TestImages.Jpeg();

        // A contributor of site A may upload to A …
        using var contributor = await w.SignInAsync(Who.ContributorA);
        var own = await AcceptedAsync(w, contributor, Upload("anh.jpg", jpeg, "image/jpeg"), fetch: true);
        Assert.Equal(w.SoA.Id, own.Row.SiteId);

        // … but not to B, with either endpoint, nor can a province reviewer (read-only) or someone signed out.
        using (var r = await contributor.PostMultipartAsync("/so-b/quan-tri/thu-vien-anh", Upload("anh.jpg", jpeg, "image/jpeg")))
            r.AssertRefused("A contributor of A posting the form to B");
        using (var r = await contributor.PostMultipartAsync("/so-b/quan-tri/thu-vien-anh", Upload("anh.jpg", jpeg, "image/jpeg"), fetch: true))
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal("Bạn không có quyền thực hiện việc này trên trang này.", ErrorOf(await r.Content.ReadAsStringAsync()));
        }
        using var reviewer = await w.SignInAsync(Who.Reviewer);
        using (var r = await reviewer.PostMultipartAsync(Library, Upload("anh.jpg", jpeg, "image/jpeg")))
            r.AssertRefused("A province reviewer posting the form");
        using (var r = await reviewer.PostMultipartAsync(Library, Upload("anh.jpg", jpeg, "image/jpeg"), fetch: true))
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal("Bạn không có quyền tải ảnh lên trang này.", ErrorOf(await r.Content.ReadAsStringAsync()));
        }
        using var signedOut = new AdminSession(w.App);
        using (var r = await signedOut.PostMultipartAsync(Library, Upload("anh.jpg", jpeg, "image/jpeg"), fetch: true))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Equal("Phiên đăng nhập đã hết hạn; hãy đăng nhập lại rồi thử lại.", ErrorOf(await r.Content.ReadAsStringAsync()));
        }
        // Without the antiforgery token nothing is stored either.
        using (var r = await contributor.PostMultipartAsync(Library, Upload("anh.jpg", jpeg, "image/jpeg"), withToken: false))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);

        Assert.Equal(new[] { own.Row.Id }, await w.DbAsync(db => db.MediaFiles.IgnoreQueryFilters().Select(m => m.Id).ToListAsync()));
        Assert.Single(await w.AuditAsync("media.upload"));
        Assert.Equal(new[] { own.Row.Path }, StoredFiles(w));
        using var editorB = await w.SignInAsync(Who.EditorB);
        Assert.Empty((await editorB.GetHtmlAsync("/so-b/quan-tri/thu-vien-anh")).QuerySelectorAll(".cards img"));
    }

    [DatabaseTheory]
    public async Task File_names_are_kept_only_as_a_safe_display_name(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var png = TestImages.Png();

        var traversal = await AcceptedAsync(w, s, Upload("../../etc/passwd.png", png, "image/png"), fetch: false);
        Assert.Equal("passwd.png", traversal.Row.OriginalName);
        var windows = await AcceptedAsync(w, s, Upload(@"..\..\Windows\win.ini.png", png, "image/png"), fetch: true);
        Assert.Equal("win.ini.png", windows.Row.OriginalName);
        var spoofed = await AcceptedAsync(w, s, Upload("anh\u202Egnp.exe\u0000.png", png, "image/png"), fetch: true);
        Assert.Equal("anhgnp.exe.png", spoofed.Row.OriginalName);
        var dots = await AcceptedAsync(w, s, Upload("..", png, "image/png"), fetch: true);
        Assert.Equal("anh", dots.Row.OriginalName);

        // A long Vietnamese name as macOS sends it (decomposed), with flags (two code points, four UTF-16 units each)
        // across the place it is cut: kept composed, cut between whole characters, its extension kept.
        var words = "Ảnh hội nghị tổng kết công tác năm 2026 của Sở Khoa học và Công nghệ tỉnh Đông Minh ";
        var composed = string.Concat(Enumerable.Repeat(words, 3)).Normalize(NormalizationForm.FormC);
        var prefix = composed[..(MediaService.MaxNameLength - 6)];
        var longName = await AcceptedAsync(w, s, Upload((prefix + "🇻🇳🇻🇳" + composed + ".jpg").Normalize(NormalizationForm.FormD), TestImages.Jpeg(), "image/jpeg"), fetch: false);
        Assert.Equal(prefix.TrimEnd() + ".jpg", longName.Row.OriginalName);
        Assert.True(longName.Row.OriginalName.Length <= MediaService.MaxNameLength);

        // Whatever the name, the file is stored under a random name inside files/ and nowhere else.
        var stored = StoredFiles(w);
        Assert.Equal(5, stored.Count);
        Assert.All(stored, p => Assert.Matches(@"^\d+/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png)$", p));
        Assert.False(Directory.Exists(Path.Combine(w.App.Database.Folder, "etc")));
        var page = await s.GetHtmlAsync(Library);
        Assert.Equal(5, page.QuerySelectorAll(".cards img").Length);
    }

    [DatabaseTheory]
    public async Task When_the_file_or_its_row_cannot_be_saved_neither_is_kept(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        w.App.ExpectServerErrors();
        await RefuseMediaRowsAsync(w, provider, refuse: true);

        foreach (var fetch in BothEndpoints)
        {
            var (status, messages) = await RefusedAsync(s, Library, Upload("anh.jpg", TestImages.Jpeg(), "image/jpeg"), fetch);
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Equal("Không lưu được ảnh do sự cố của hệ thống; ảnh chưa được tải lên, vui lòng thử lại sau.", Assert.Single(messages));
        }
        await AssertNothingStoredAsync(w, []);
        await RefuseMediaRowsAsync(w, provider, refuse: false);

        // Nor is a row saved when the file cannot be written (here files/ is a plain file, not a folder).
        if (Directory.Exists(FilesFolder(w))) Directory.Delete(FilesFolder(w), recursive: true);
        await File.WriteAllTextAsync(FilesFolder(w), "");
        foreach (var fetch in BothEndpoints)
        {
            var (status, messages) = await RefusedAsync(s, Library, Upload("anh.jpg", TestImages.Jpeg(), "image/jpeg"), fetch);
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Equal("Không lưu được ảnh do sự cố của hệ thống; ảnh chưa được tải lên, vui lòng thử lại sau.", Assert.Single(messages));
        }
        File.Delete(FilesFolder(w));
        await AssertNothingStoredAsync(w, []);

        var f = await AcceptedAsync(w, s, Upload("anh.jpg", TestImages.Jpeg(), "image/jpeg"), fetch: true);
        Assert.Equal(new[] { f.Row.Path }, StoredFiles(w));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    internal sealed record Accepted(MediaFile Row, byte[] Stored);

    internal static Multipart Upload(string fileName, byte[] content, string contentType, string alt = Alt) =>
        new Multipart().File("Upload", fileName, content, contentType).Field("Alt", alt);

    /// <summary>Posts an upload that must be accepted; returns its row and the bytes stored on disk.</summary>
    internal static async Task<Accepted> AcceptedAsync(EditorsWorld w, AdminSession s, Multipart form, bool fetch)
    {
        int lastId = await w.DbAsync(db => db.MediaFiles.IgnoreQueryFilters().Select(m => (int?)m.Id).MaxAsync()) ?? 0;
        using (var r = await s.PostMultipartAsync(Library, form, fetch))
        {
            var body = await r.Content.ReadAsStringAsync();
            if (fetch)
            {
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"Upload answered {(int)r.StatusCode}: {body}");
                var json = JsonDocument.Parse(body).RootElement;
                Assert.StartsWith("/tep/", json.GetProperty("url").GetString());
                Assert.Equal(Alt, json.GetProperty("alt").GetString());
            }
            else
            {
                Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"Upload answered {(int)r.StatusCode}: {string.Join(" | ", Responses.Errors(body))}");
                Assert.Equal(Library + "?msg=ok", r.Target());
            }
        }
        var row = await w.DbAsync(db => db.MediaFiles.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id > lastId));
        return new Accepted(row, await File.ReadAllBytesAsync(Path.Combine(FilesFolder(w), row.Path)));
    }

    /// <summary>Posts an upload that must be refused; returns the status and the messages the user is shown
    /// (the form's error list, following a redirect back to the library; or the JSON error).</summary>
    internal static async Task<(HttpStatusCode Status, IReadOnlyList<string> Messages)> RefusedAsync(AdminSession s, string path, Multipart form, bool fetch)
    {
        using var r = await s.PostMultipartAsync(path, form, fetch);
        var body = await r.Content.ReadAsStringAsync();
        // Anything else is returned as the message, so that a caller checking many cases can list every wrong answer.
        if (fetch)
            return (r.StatusCode, (int)r.StatusCode >= 400 && r.Content.Headers.ContentType?.MediaType == "application/json"
                ? [ErrorOf(body)]
                : [$"(not a JSON refusal: {r.Content.Headers.ContentType} {body[..Math.Min(body.Length, 200)]})"]);
        return r.StatusCode switch
        {
            HttpStatusCode.SeeOther => (r.StatusCode, Responses.Errors(await s.Http.GetStringAsync(r.Target()))),
            HttpStatusCode.Redirect => (r.StatusCode, [$"(accepted: redirect to {r.Target()})"]),
            _ => (r.StatusCode, Responses.Errors(body) is { Count: > 0 } errors ? errors : [$"(no error list: {Regex.Replace(AdminSession.Html(body).QuerySelector(".errors, main")?.TextContent ?? body, @"\s+", " ").Trim()})"]),
        };
    }

    private static string ErrorOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("error").GetString() ?? "";

    internal static string FilesFolder(EditorsWorld w) => Path.Combine(w.App.Database.Folder, "files");

    /// <summary>Every file under the data folder's files/ (temporary ones included), as store paths.</summary>
    internal static List<string> StoredFiles(EditorsWorld w) =>
        Directory.Exists(FilesFolder(w))
            ? Directory.GetFiles(FilesFolder(w), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(FilesFolder(w), f).Replace('\\', '/')).Order().ToList()
            : [];

    /// <summary>ASP.NET Core's own buffering files (a form body too big for memory goes to ASPNETCORE_*.tmp).</summary>
    private static HashSet<string> AspNetTempFiles()
    {
        var folder = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is { Length: > 0 } t ? t : Path.GetTempPath();
        return [.. Directory.GetFiles(folder, "ASPNETCORE_*.tmp")];
    }

    private static async Task AssertNothingStoredAsync(EditorsWorld w, HashSet<string> tempBefore)
    {
        Assert.Equal(0, await w.DbAsync(db => db.MediaFiles.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await w.AuditAsync("media.upload"));
        Assert.Empty(StoredFiles(w));
        Assert.Empty(AspNetTempFiles().Except(tempBefore));
    }

    /// <summary>A trigger that makes the database refuse every new media row, as a full disk or lost connection would.</summary>
    internal static Task RefuseMediaRowsAsync(EditorsWorld w, string provider, bool refuse) => w.DbAsync(db => db.Database.ExecuteSqlRawAsync(
        (provider, refuse) switch
        {
            (Databases.Sqlite, true) => """CREATE TRIGGER refuse_media BEFORE INSERT ON "MediaFiles" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;""",
            (Databases.Sqlite, false) => "DROP TRIGGER refuse_media;",
            (_, true) => """
                CREATE FUNCTION refuse_media() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
                CREATE TRIGGER refuse_media BEFORE INSERT ON "MediaFiles" FOR EACH ROW EXECUTE FUNCTION refuse_media();
                """,
            _ => """DROP TRIGGER refuse_media ON "MediaFiles"; DROP FUNCTION refuse_media();""",
        }));

    internal static (int Width, int Height, SKEncodedOrigin Origin, SKEncodedImageFormat Format) Decode(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InvalidOperationException("Not an image.");
        return (codec.Info.Width, codec.Info.Height, codec.EncodedOrigin, codec.EncodedFormat);
    }

    /// <summary>The average colour of the 10×10 block at (x, y).</summary>
    private static SKColor Average(SKBitmap bitmap, int x, int y)
    {
        int r = 0, g = 0, b = 0;
        for (var dy = 0; dy < 10; dy++)
            for (var dx = 0; dx < 10; dx++)
            {
                var c = bitmap.GetPixel(x + dx, y + dy);
                (r, g, b) = (r + c.Red, g + c.Green, b + c.Blue);
            }
        return new SKColor((byte)(r / 100), (byte)(g / 100), (byte)(b / 100));
    }
}
