namespace MinhBach.Features.Sites;

/// <summary>The site this request was routed to (scoped). Null outside a request, e.g. in CLI verbs.</summary>
public sealed class CurrentSite
{
    public Site? Site { get; set; }
    /// <summary>True when the site was found by host name, so links to other sites use their hosts.</summary>
    public bool ResolvedByHost { get; set; }
    /// <summary>The prefix taken off the path ("/so-khcn"), kept for error pages re-executed later in the request.</summary>
    public PathString PathBase { get; set; }

    public Site Required => Site ?? throw new InvalidOperationException("No site was resolved for this request.");
}
