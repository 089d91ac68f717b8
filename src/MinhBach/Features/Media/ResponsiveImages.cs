using System.Collections.Concurrent;
using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using MinhBach.Data;

namespace MinhBach.Features.Media;

/// <summary>
/// The size of each media-library image, by store path, kept in memory: a stored image never changes (a new upload is a
/// new name), so once read it stays true. Unknown paths are remembered too, so a page naming a missing file does not ask
/// the database on every rendering. Bounded: emptied when it holds too many.
/// </summary>
public sealed class MediaSizes
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<string, (int Width, int Height)?> _known = new(StringComparer.Ordinal);

    public bool TryGet(string path, out (int Width, int Height)? size) => _known.TryGetValue(path, out size);

    public void Remember(string path, (int Width, int Height)? size)
    {
        if (_known.Count >= MaxEntries) _known.Clear();
        _known[path] = size;
    }
}

/// <summary>
/// Makes public pages offer media-library images in their smaller widths: <c>srcset</c> (each copy and the original with
/// its width), <c>sizes</c> (how wide the page shows it) and the image's own <c>width</c>/<c>height</c> so the browser
/// keeps its room before it arrives. Anything that is not a media-library image (theme assets, outside addresses) is
/// left as written. Done when the page is rendered, not stored in the text, so articles written before copies existed,
/// copied to another site or edited in the rich-text editor (which keeps only src and alt) all get it.
/// </summary>
public sealed class ResponsiveImages(AppDb db, MediaSizes cache)
{
    /// <summary>An image across the article column (46rem at most; the whole screen on a phone).</summary>
    public const string ColumnSizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

    /// <summary>A list thumbnail (site.css: 120 px, 88 px on a phone).</summary>
    public const string ThumbnailSizes = "(max-width: 30rem) 88px, 120px";

    /// <summary>A leader's portrait (96 px).</summary>
    public const string PortraitSizes = "96px";

    /// <summary>The size of the media-library image at <paramref name="url"/>, or null when it is not one.</summary>
    public async Task<(int Width, int Height)?> SizeAsync(string? url, CancellationToken ct) =>
        ImageVariants.MediaPath(url) is { } path ? (await SizesAsync([path], ct)).GetValueOrDefault(path) : null;

    private async Task<Dictionary<string, (int Width, int Height)?>> SizesAsync(IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var found = new Dictionary<string, (int Width, int Height)?>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var p in paths.Distinct())
            if (cache.TryGet(p, out var size)) found[p] = size;
            else missing.Add(p);
        if (missing.Count == 0) return found;
        // Any site's: an article copied from a component site keeps its images, which are public files anyway.
        var rows = await db.MediaFiles.IgnoreQueryFilters().AsNoTracking().Where(m => missing.Contains(m.Path))
            .Select(m => new { m.Path, m.Width, m.Height }).ToListAsync(ct);
        foreach (var p in missing)
        {
            var row = rows.FirstOrDefault(r => r.Path == p);
            (int, int)? size = row is null ? null : (row.Width, row.Height);
            cache.Remember(p, size);
            found[p] = size;
        }
        return found;
    }

    /// <summary>
    /// Stored rich text as shown: every media-library <c>img</c> gets its <c>srcset</c>, <see cref="ColumnSizes"/>, its
    /// own width and height when the text gives neither, and loading="lazy" (images in a body are below the fold).
    /// A text without such an image is returned as is, without being parsed.
    /// </summary>
    public async Task<string> ApplyAsync(string html, CancellationToken ct)
    {
        if (!html.Contains("/tep/", StringComparison.Ordinal)) return html;
        var doc = new HtmlParser().ParseDocument("");
        var body = doc.Body!;
        body.InnerHtml = html;
        var images = body.QuerySelectorAll("img[src]")
            .Select(img => (Element: img, Path: ImageVariants.MediaPath(img.GetAttribute("src"))))
            .Where(x => x.Path is not null).ToList();
        if (images.Count == 0) return html;
        var sizes = await SizesAsync(images.Select(x => x.Path!).ToList(), ct);
        var changed = false;
        foreach (var (img, path) in images)
        {
            if (sizes.GetValueOrDefault(path!) is not { } size) continue;
            if (!img.HasAttribute("width") && !img.HasAttribute("height"))
            {
                img.SetAttribute("width", size.Width.ToString(CultureInfo.InvariantCulture));
                img.SetAttribute("height", size.Height.ToString(CultureInfo.InvariantCulture));
            }
            if (ImageVariants.Srcset(img.GetAttribute("src")!, size.Width) is { } srcset)
            {
                img.SetAttribute("srcset", srcset);
                img.SetAttribute("sizes", ColumnSizes);
            }
            else
            {
                img.RemoveAttribute("srcset");
                img.RemoveAttribute("sizes");
            }
            img.SetAttribute("loading", "lazy");
            changed = true;
        }
        return changed ? body.InnerHtml : html;
    }
}

/// <summary>
/// <c>&lt;img media-src="@url" sizes="…"&gt;</c>: the image at <c>url</c>; when it is a media-library image, with its
/// <c>srcset</c> and its own width and height (replacing the ones written in the page, which stay for anything else,
/// such as theme pictures). Without a smaller copy, <c>sizes</c> is dropped with the <c>srcset</c> it describes.
/// </summary>
[HtmlTargetElement("img", Attributes = "media-src", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResponsiveImageTagHelper(ResponsiveImages images) : TagHelper
{
    [HtmlAttributeName("media-src")] public string? Src { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("src", Src);
        string? srcset = null;
        if (await images.SizeAsync(Src, CancellationToken.None) is { } size)
        {
            output.Attributes.SetAttribute("width", size.Width);
            output.Attributes.SetAttribute("height", size.Height);
            srcset = ImageVariants.Srcset(Src!, size.Width);
        }
        if (srcset is null) output.Attributes.RemoveAll("sizes");
        else output.Attributes.SetAttribute("srcset", srcset);
    }
}
