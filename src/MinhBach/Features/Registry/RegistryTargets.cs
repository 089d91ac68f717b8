using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Monitor;

namespace MinhBach.Features.Registry;

/// <summary>
/// The scheduled passes audit every website in the registry, hosted or not: its first domain over HTTPS, with the
/// unit's kind and name, and the province of Monitor:Province for the domain rule. An entry without a domain (a hosted
/// site reached only under the portal's prefix) has nothing to audit from outside. Sites listed in Monitor:Sites are
/// audited too, as listed (their settings win for the same host).
/// </summary>
public sealed class RegistryTargets(IServiceScopeFactory scopes, ConfiguredTargets configured, IOptions<MonitorOptions> options) : IMonitorTargets
{
    public async Task<IReadOnlyList<AuditTarget>> TargetsAsync(CancellationToken ct)
    {
        var listed = await configured.TargetsAsync(ct);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var entries = await db.RegistryEntries.AsNoTracking().Include(e => e.Domains).OrderBy(e => e.Id).ToListAsync(ct);
        var hosts = listed.Select(t => t.Url.IdnHost).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fromRegistry = entries
            .Select(e => (Entry: e, Domain: e.Domains.OrderBy(d => d.Order).ThenBy(d => d.Id).FirstOrDefault()?.Domain))
            .Where(x => x.Domain is not null && Uri.TryCreate("https://" + x.Domain + "/", UriKind.Absolute, out _))
            .Select(x => new AuditTarget(new Uri("https://" + x.Domain + "/"))
            {
                KindCode = x.Entry.UnitKindCode,
                Name = x.Entry.UnitName,
                Province = options.Value.Province,
                // The platform's own sites: the authority audits itself, whatever their robots.txt says.
                IgnoreRobots = x.Entry.Hosted,
            })
            .Where(t => hosts.Add(t.Url.IdnHost));
        return [.. listed, .. fromRegistry];
    }
}
