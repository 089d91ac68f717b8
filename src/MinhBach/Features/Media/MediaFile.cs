using MinhBach.Features.Sites;

namespace MinhBach.Features.Media;

/// <summary>An uploaded image, re-encoded on arrival; its alt text travels with it into articles.</summary>
public sealed class MediaFile : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    /// <summary>Store path: {siteId}/{yyyy}/{MM}/{32 hex}.{jpg|png}; public at /tep/{path}.</summary>
    public string Path { get; set; } = "";
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long Size { get; set; }
    public string Alt { get; set; } = "";
    public int? UploadedById { get; set; }
    public DateTime CreatedAt { get; set; }

    public string Url => "/tep/" + Path;
}
