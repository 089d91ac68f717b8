using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Articles;
using MinhBach.Features.Media;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using MinhBach.Text;
using SkiaSharp;
using static MinhBach.Tests.Media.UploadTests;

namespace MinhBach.Tests.Media;

/// <summary>
/// Responsive images: an upload is also stored in the widths of <see cref="ImageVariants.Widths"/> smaller than itself,
/// public pages offer them in srcset (with sizes, and the image's own width and height), each address answers with an
/// image of the width it claims, copies missing on disk (uploads from before) are made on their first request, and a
/// refused upload leaves no copy behind. The sanitiser keeps a srcset only when it names a media-library image's own copies.
/// </summary>
public sealed class ResponsiveImageTests
{
    [DatabaseTheory]
    public async Task An_upload_is_also_stored_in_each_smaller_width_and_a_small_one_in_none(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);

        var photo = (await AcceptedAsync(w, s, Upload("hoi-nghi.jpg", TestImages.Jpeg(2000, 1500), "image/jpeg"), fetch: false)).Row;
        Assert.Equal((2000, 1500), (photo.Width, photo.Height));
        foreach (var (width, height) in new[] { (480, 360), (960, 720), (1600, 1200) })
        {
            var copy = await File.ReadAllBytesAsync(Path.Combine(FilesFolder(w), ImageVariants.PathOf(photo.Path, width)));
            var decoded = Decode(copy);
            Assert.Equal((width, height, SKEncodedImageFormat.Jpeg), (decoded.Width, decoded.Height, decoded.Format));
        }

        // A logo with transparency keeps it in its copies: PNG, only the widths under its own 1000 px.
        var logo = (await AcceptedAsync(w, s, Upload("logo.png", TestImages.Png(1000, 500, transparent: true), "image/png"), fetch: true)).Row;
        foreach (var (width, height) in new[] { (480, 240), (960, 480) })
        {
            var decoded = Decode(await File.ReadAllBytesAsync(Path.Combine(FilesFolder(w), ImageVariants.PathOf(logo.Path, width))));
            Assert.Equal((width, height, SKEncodedImageFormat.Png), (decoded.Width, decoded.Height, decoded.Format));
        }

        // An image narrower than every width gets no copy, and asking for a larger one finds nothing.
        var small = (await AcceptedAsync(w, s, Upload("nho.jpg", TestImages.Jpeg(400, 300), "image/jpeg"), fetch: false)).Row;
        string[] expected =
        [
            photo.Path, .. new[] { 480, 960, 1600 }.Select(x => ImageVariants.PathOf(photo.Path, x)),
            logo.Path, .. new[] { 480, 960 }.Select(x => ImageVariants.PathOf(logo.Path, x)),
            small.Path,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), StoredFiles(w).Order(StringComparer.Ordinal));
        foreach (var larger in new[] { ImageVariants.PathOf(small.Url, 480), ImageVariants.PathOf(logo.Url, 1600) })
        {
            using var r = await w.App.GetAsync(larger);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{larger}: {(int)r.StatusCode}");
        }
        Assert.Equal(expected.Order(StringComparer.Ordinal), StoredFiles(w).Order(StringComparer.Ordinal));

        // Its page shows it at its own size, without a srcset to choose from.
        var (category, article) = await ArticleWithAsync(w, small.Url);
        var page = await w.PublicAsync($"/so-a/tin-tuc/{category.Slug}/{article.Slug}");
        foreach (var img in page.QuerySelectorAll("main figure img, main .content img"))
            Assert.True(img.GetAttribute("srcset") is null && img.GetAttribute("sizes") is null
                && (img.GetAttribute("width"), img.GetAttribute("height")) == ("400", "300"), img.OuterHtml);
        Assert.Equal(2, page.QuerySelectorAll("main figure img, main .content img").Length);
    }

    [DatabaseTheory]
    public async Task The_article_page_and_lists_offer_the_image_in_its_widths(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var photo = (await AcceptedAsync(w, s, Upload("hoi-nghi.jpg", TestImages.Jpeg(2000, 1500), "image/jpeg"), fetch: true)).Row;
        var (category, article) = await ArticleWithAsync(w, photo.Url);

        var page = await w.PublicAsync($"/so-a/tin-tuc/{category.Slug}/{article.Slug}");
        var featured = page.QuerySelector("main figure img") ?? throw new InvalidOperationException("No featured image.");
        var inBody = page.QuerySelector("main .content img") ?? throw new InvalidOperationException("No image in the body.");
        foreach (var img in new[] { featured, inBody })
        {
            Assert.Equal(photo.Url, img.GetAttribute("src"));
            Assert.Equal(("2000", "1500"), (img.GetAttribute("width"), img.GetAttribute("height")));
            Assert.Equal(ResponsiveImages.ColumnSizes, img.GetAttribute("sizes"));
            var candidates = Srcset(img);
            Assert.Equal([480, 960, 1600, 2000], candidates.Select(c => c.Width));
            foreach (var (url, width) in candidates)
            {
                using var r = await w.App.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode}");
                Assert.Equal("image/jpeg", r.Content.Headers.ContentType?.MediaType);
                Assert.Contains("immutable", r.Headers.CacheControl?.ToString());
                Assert.Equal(TimeSpan.FromDays(365), r.Headers.CacheControl?.MaxAge);
                var decoded = Decode(await r.Content.ReadAsByteArrayAsync());
                Assert.Equal((width, width * 3 / 4), (decoded.Width, decoded.Height));
            }
        }

        // The category list shows it as a thumbnail, the home page as its featured article, with the same copies.
        foreach (var (list, selector, sizes) in new[]
                 {
                     ($"/so-a/tin-tuc/{category.Slug}", ".article-item img", ResponsiveImages.ThumbnailSizes),
                     ("/so-a/", ".featured img", ResponsiveImages.ColumnSizes),
                 })
        {
            var shown = (await w.PublicAsync(list)).QuerySelector(selector) ?? throw new InvalidOperationException($"{list}: no {selector}.");
            Assert.Equal(sizes, shown.GetAttribute("sizes"));
            Assert.Equal([480, 960, 1600, 2000], Srcset(shown).Select(c => c.Width));
            Assert.Equal(("2000", "1500"), (shown.GetAttribute("width"), shown.GetAttribute("height")));
        }
    }

    [DatabaseTheory]
    public async Task Copies_missing_on_disk_are_made_on_their_first_request(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var photo = (await AcceptedAsync(w, s, Upload("hoi-nghi.jpg", TestImages.Jpeg(1200, 900), "image/jpeg"), fetch: true)).Row;
        // As an image uploaded before copies existed.
        foreach (var width in new[] { 480, 960 })
            File.Delete(Path.Combine(FilesFolder(w), ImageVariants.PathOf(photo.Path, width)));
        Assert.Equal([photo.Path], StoredFiles(w));
        var (category, article) = await ArticleWithAsync(w, photo.Url);

        var img = (await w.PublicAsync($"/so-a/tin-tuc/{category.Slug}/{article.Slug}")).QuerySelector("main .content img")!;
        var candidates = Srcset(img);
        Assert.Equal([480, 960, 1200], candidates.Select(c => c.Width));
        // Several visitors at once: each gets the picture, made once and written whole.
        var copy960 = candidates.Single(c => c.Width == 960).Url;
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var r = await w.App.GetAsync(copy960);
            return (r.StatusCode, Bytes: await r.Content.ReadAsByteArrayAsync());
        }));
        foreach (var (status, bytes) in answers)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            var decoded = Decode(bytes);
            Assert.Equal((960, 720, SKEncodedImageFormat.Jpeg), (decoded.Width, decoded.Height, decoded.Format));
        }
        using (var r = await w.App.GetAsync(candidates.Single(c => c.Width == 480).Url))
        {
            var decoded = Decode(await r.Content.ReadAsByteArrayAsync());
            Assert.Equal((480, 360), (decoded.Width, decoded.Height));
        }
        string[] all = [photo.Path, ImageVariants.PathOf(photo.Path, 480), ImageVariants.PathOf(photo.Path, 960)];
        Assert.Equal(all.Order(StringComparer.Ordinal), StoredFiles(w).Order(StringComparer.Ordinal));
        Assert.Equal(answers[0].Bytes, await File.ReadAllBytesAsync(Path.Combine(FilesFolder(w), ImageVariants.PathOf(photo.Path, 960))));

        // Nothing is made for a width not offered, an image that does not exist, or a private file.
        var missing = photo.Url.Replace(photo.Path[^36..^4], new string('0', 32), StringComparison.Ordinal);
        foreach (var path in new[] { photo.Url.Replace(".jpg", "-500.jpg", StringComparison.Ordinal), ImageVariants.PathOf(missing, 480),
                     ImageVariants.PathOf(photo.Url.Replace(".jpg", ".png", StringComparison.Ordinal), 480), "/tep/q/" + ImageVariants.PathOf(photo.Path, 480) })
        {
            using var r = await w.App.GetAsync(path);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)r.StatusCode}");
        }
        Assert.Equal(all.Order(StringComparer.Ordinal), StoredFiles(w).Order(StringComparer.Ordinal));
    }

    [DatabaseTheory]
    public async Task A_refused_or_failed_upload_leaves_no_copy(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        using var s = await w.SignInAsync(Who.EditorA);
        var big = TestImages.Jpeg(2000, 1500);

        // Cut short: refused before anything is written.
        var (_, messages) = await RefusedAsync(s, "/so-a/quan-tri/thu-vien-anh", Upload("anh.jpg", big[..(big.Length / 2)], "image/jpeg"), fetch: true);
        Assert.Equal("Ảnh bị hỏng hoặc không đầy đủ: hãy lưu lại ảnh rồi tải lên lần nữa.", Assert.Single(messages));
        Assert.Empty(StoredFiles(w));

        // The row cannot be saved: the copies already written go with the image.
        w.App.ExpectServerErrors();
        await RefuseMediaRowsAsync(w, provider, refuse: true);
        var (status, failed) = await RefusedAsync(s, "/so-a/quan-tri/thu-vien-anh", Upload("anh.jpg", big, "image/jpeg"), fetch: true);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("Không lưu được ảnh do sự cố của hệ thống; ảnh chưa được tải lên, vui lòng thử lại sau.", Assert.Single(failed));
        Assert.Empty(StoredFiles(w));
        Assert.Equal(0, await w.DbAsync(db => db.MediaFiles.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public void The_sanitiser_keeps_a_srcset_only_when_it_names_the_images_own_copies()
    {
        const string url = "/tep/3/2026/11/0123456789abcdef0123456789abcdef.jpg";
        var c480 = ImageVariants.PathOf(url, 480);
        var c960 = ImageVariants.PathOf(url, 960);
        var other = ImageVariants.PathOf("/tep/3/2026/11/fedcba9876543210fedcba9876543210.jpg", 480);

        var kept = Img(HtmlContent.Sanitize($"""<p><img src="{url}" srcset="{c480} 480w, {c960} 960w, {url} 2000w" sizes="(min-width: 48rem) 46rem, 100vw" alt="Ảnh"></p>"""));
        Assert.Equal($"{c480} 480w, {c960} 960w, {url} 2000w", kept.GetAttribute("srcset"));
        Assert.Equal("(min-width: 48rem) 46rem, 100vw", kept.GetAttribute("sizes"));
        // On a prefix-routed site the editor's address carries the prefix.
        Assert.NotNull(Img(HtmlContent.Sanitize($"""<img src="/so-a{url}" srcset="/so-a{c480} 480w" alt="Ảnh">""")).GetAttribute("srcset"));

        string[] dropped =
        [
            $"""<img src="{url}" srcset="{c480} 480w, https://theo-doi.example/pixel.gif 960w" sizes="100vw" alt="x">""",
            $"""<img src="{url}" srcset="//theo-doi.example/a.jpg 480w" alt="x">""",
            $"""<img src="{url}" srcset="{other} 480w" alt="x">""",
            $"""<img src="{url}" srcset="{c480} 2x" alt="x">""",
            $"""<img src="{url}" srcset="{c480} 480w" sizes="url(javascript:alert(1))" alt="x">""",
            $"""<img src="{url}" srcset="javascript:alert(1) 480w" alt="x">""",
            """<img src="https://anh.example/a.jpg" srcset="https://anh.example/a-480.jpg 480w" sizes="100vw" alt="x">""",
            """<img src="/assets/quoc-huy.svg" srcset="/assets/quoc-huy.svg 1x" alt="x">""",
            $"""<img src="{c480}" srcset="{c480} 480w" alt="x">""",
        ];
        foreach (var html in dropped)
        {
            var img = Img(HtmlContent.Sanitize(html));
            Assert.True(img.GetAttribute("srcset") is null && img.GetAttribute("sizes") is null, $"Kept from {html}: {img.OuterHtml}");
            Assert.NotNull(img.GetAttribute("src"));
        }
        // Anywhere else than on an img, neither attribute stays.
        var link = new HtmlParser().ParseDocument(HtmlContent.Sanitize($"""<a href="{url}" srcset="{c480} 480w" sizes="100vw">ảnh</a>""")).QuerySelector("a")!;
        Assert.True(link.GetAttribute("srcset") is null && link.GetAttribute("sizes") is null, link.OuterHtml);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /// <summary>A published article of so-a with the image as its featured image and in its body.</summary>
    private static async Task<(Category Category, Article Article)> ArticleWithAsync(EditorsWorld w, string imageUrl)
    {
        var category = await w.App.AddCategoryAsync(w.SoA, "hoat-dong", "Hoạt động");
        var article = await w.App.AddArticleAsync(w.SoA, category, "Hội nghị tổng kết công tác năm 2026");
        await w.DbAsync(async db =>
        {
            var a = await db.Articles.IgnoreQueryFilters().SingleAsync(x => x.Id == article.Id);
            a.FeaturedImageUrl = imageUrl;
            a.FeaturedImageAlt = "Toàn cảnh hội nghị tổng kết";
            a.Body = $"""<p>Sáng nay, Sở tổ chức hội nghị tổng kết.</p><p><img src="{imageUrl}" alt="Đại biểu dự hội nghị"></p>""";
            return await db.SaveChangesAsync();
        });
        return (category, article);
    }

    private static List<(string Url, int Width)> Srcset(IElement img) =>
        [.. (img.GetAttribute("srcset") ?? throw new InvalidOperationException($"No srcset: {img.OuterHtml}"))
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], int.Parse(p[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture)))];

    private static IElement Img(string html) => new HtmlParser().ParseDocument(html).QuerySelector("img") ?? throw new InvalidOperationException($"No img in {html}");
}
