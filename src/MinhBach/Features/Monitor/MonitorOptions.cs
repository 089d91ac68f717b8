using MinhBach.Features.Monitor.Net;

namespace MinhBach.Features.Monitor;

/// <summary>Monitor:* settings: how politely and how far the auditor reads a site. Checked at start.</summary>
public sealed class MonitorOptions
{
    public const string Section = "Monitor";

    /// <summary>Requests in flight to one host at most.</summary>
    public int MaxConnectionsPerHost { get; set; } = 2;
    /// <summary>Pause between two requests to the same host (robots.txt's Crawl-delay, when longer, wins up to 10 s).</summary>
    public int DelayMilliseconds { get; set; } = 500;
    /// <summary>Whole-request limit (connect, headers and body): a slow-loris answer is cut here.</summary>
    public int TimeoutSeconds { get; set; } = 15;
    /// <summary>Further tries after a timeout, a lost connection or a 5xx answer.</summary>
    public int Retries { get; set; } = 2;
    /// <summary>Pages read per site on a light pass and on a deep one (robots.txt, probes and feeds count).</summary>
    public int PageBudget { get; set; } = 40;
    public int DeepPageBudget { get; set; } = 150;
    /// <summary>Bytes read of one answer at most; the rest is not downloaded.</summary>
    public int MaxResponseKilobytes { get; set; } = 3072;
    /// <summary>Articles sampled per site on a light pass and on a deep one.</summary>
    public int ArticleSample { get; set; } = 3;
    public int DeepArticleSample { get; set; } = 8;
    /// <summary>Sites audited at the same time in one run. A pass is bound by politeness, not by the CPU: a light audit
    /// reads about 30 pages with <see cref="DelayMilliseconds"/> between two requests to one host, some 15 s per site
    /// however fast the machine, so 100 sites take about 100 × 15 s / ParallelSites (6 minutes at 4, 3 at 8). The limits
    /// per host hold whatever this is: each site is its own host name with its own gate (sites of one server under
    /// different names each get theirs).</summary>
    public int ParallelSites { get; set; } = 8;
    public string UserAgent { get; set; } = "MinhBachMonitor/1.0 (kiem tra trang thong tin dien tu co quan nha nuoc)";
    /// <summary>Host names whose robots.txt the authority's audit may ignore (its own sites, by agreement).</summary>
    public List<string> IgnoreRobotsHosts { get; set; } = [];
    /// <summary>The province's name as written ("Đông Minh"), for the domain rule of the registry's sites.</summary>
    public string? Province { get; set; }
    /// <summary>For the scheduled passes, as the CLI's --dns-server, --ca-cert and --connect-port.</summary>
    public string? DnsServer { get; set; }
    public List<string> CaCertificates { get; set; } = [];
    public List<string> ConnectPorts { get; set; } = [];
    /// <summary>Days before expiry from which a certificate counts as about to expire.</summary>
    public int CertificateWarningDays { get; set; } = 14;
    /// <summary>Chromium for the deep pass's browser checks (EMC badge, axe, 360 px); absent: those say they could not check.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    /// <summary>Days a run's results count as current in the evaluations; older ones are shown marked stale.</summary>
    public int ResultValidDays { get; set; } = 8;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (MaxConnectionsPerHost is < 1 or > 2) p.Add($"Monitor:MaxConnectionsPerHost phải là 1 hoặc 2 (đang là {MaxConnectionsPerHost}).");
        if (DelayMilliseconds is < 0 or > 60_000) p.Add("Monitor:DelayMilliseconds phải từ 0 đến 60000.");
        if (TimeoutSeconds is < 10 or > 300) p.Add($"Monitor:TimeoutSeconds phải từ 10 đến 300 (đang là {TimeoutSeconds}).");
        if (Retries is < 0 or > 5) p.Add("Monitor:Retries phải từ 0 đến 5.");
        if (PageBudget is < 10 or > 10_000) p.Add("Monitor:PageBudget phải từ 10 đến 10000.");
        if (DeepPageBudget < PageBudget || DeepPageBudget > 10_000) p.Add("Monitor:DeepPageBudget phải từ PageBudget đến 10000.");
        if (MaxResponseKilobytes is < 64 or > 65_536) p.Add("Monitor:MaxResponseKilobytes phải từ 64 đến 65536.");
        if (ArticleSample is < 1 or > 50 || DeepArticleSample < ArticleSample || DeepArticleSample > 100) p.Add("Monitor:ArticleSample phải từ 1 đến 50 và DeepArticleSample từ ArticleSample đến 100.");
        if (ParallelSites is < 1 or > 64) p.Add("Monitor:ParallelSites phải từ 1 đến 64.");
        if (string.IsNullOrWhiteSpace(UserAgent) || !UserAgent.StartsWith(Robots.Agent, StringComparison.Ordinal) || UserAgent.Any(c => c is < ' ' or > '~'))
            p.Add($"Monitor:UserAgent phải bắt đầu bằng {Robots.Agent} và chỉ gồm chữ không dấu (tiêu đề HTTP).");
        if (CertificateWarningDays is < 0 or > 365) p.Add("Monitor:CertificateWarningDays phải từ 0 đến 365.");
        if (ResultValidDays is < 1 or > 365) p.Add("Monitor:ResultValidDays phải từ 1 đến 365.");
        var network = new List<string>();
        Net.AuditNetwork.Parse([], DnsServer, CaCertificates, ConnectPorts, network);
        p.AddRange(network.Select(e => "Monitor: " + e));
        return p;
    }
}
