using System.Security.Cryptography;
using System.Text;
using MinhBach.Features.Articles;
using MinhBach.Features.Content;

namespace MinhBach.Features.Sites;

/// <summary>
/// A site's categories (menu order) and links (public services, gazette …), read with the site directory rather than on
/// every page: public pages list them in the header, the footer and beside articles.
/// </summary>
public sealed class SiteMenu
{
    public static readonly SiteMenu Empty = new([], []);

    public SiteMenu(IReadOnlyList<Category> categories, IReadOnlyList<SiteLink> links)
    {
        Categories = categories;
        Links = links;
        _byId = categories.ToDictionary(c => c.Id);
        _bySlug = categories.DistinctBy(c => c.Slug).ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var c in categories) text.Append($"c{c.Id}\u0001{c.Slug}\u0001{c.Name}\u0001{c.Description}\u0001{c.Order}\u0001{c.ShowOnHome}\u0002");
        foreach (var l in links) text.Append($"l{l.Id}\u0001{(int)l.Kind}\u0001{l.Title}\u0001{l.Url}\u0001{l.Order}\u0002");
        Stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
    }

    public IReadOnlyList<Category> Categories { get; }
    public IReadOnlyList<SiteLink> Links { get; }
    private readonly Dictionary<int, Category> _byId;
    private readonly Dictionary<string, Category> _bySlug;
    public Category? Category(int id) => _byId.GetValueOrDefault(id);
    public Category? Category(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>Drawn from what is shown, so every node that read the same rows has the same stamp: part of the page cache's
    /// key, so a node still showing an old menu stores its pages where no node that read the new one looks.</summary>
    public string Stamp { get; }
}
