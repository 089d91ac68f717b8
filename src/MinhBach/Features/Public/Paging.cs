namespace MinhBach.Features.Public;

/// <summary>One page of a listing; Path is the site-relative listing address the pager links to.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string Path, string? ExtraQuery = null)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Link(int page)
    {
        var q = ExtraQuery is { Length: > 0 } ? ExtraQuery + "&" : "";
        return page == 1 && q.Length == 0 ? Path : $"{Path}?{q}trang={page}";
    }
}
