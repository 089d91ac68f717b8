using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Accounts;
using MinhBach.Features.Content;

namespace MinhBach.Features.Admin.OrgChart;

/// <summary>/quan-tri/co-cau-to-chuc: the organisation chart as a tree.</summary>
[ChangesRequire(SiteRole.Editor)]
public sealed class OrgUnitListModel : EditorPageModel
{
    public ILookup<int?, OrgUnit> Children { get; private set; } = Array.Empty<OrgUnit>().ToLookup(u => u.ParentId);
    public int Count { get; private set; }

    public async Task OnGetAsync(string? msg, CancellationToken ct)
    {
        Title = "Cơ cấu tổ chức";
        await Access.LoadAsync(ct);
        ShowNotice(msg);
        var units = await Db.OrgUnits.AsNoTracking().OrderBy(u => u.Order).ThenBy(u => u.Name).ToListAsync(ct);
        Count = units.Count;
        Children = OrgTree.Children(units);
    }
}

public static class OrgTree
{
    /// <summary>Units by parent; a unit whose parent is missing is shown at the top rather than lost.</summary>
    public static ILookup<int?, OrgUnit> Children(IReadOnlyList<OrgUnit> units)
    {
        var ids = units.Select(u => u.Id).ToHashSet();
        return units.ToLookup(u => u.ParentId is int p && ids.Contains(p) ? u.ParentId : null);
    }

    /// <summary>The unit and every unit below it.</summary>
    public static HashSet<int> Subtree(IReadOnlyList<OrgUnit> units, int root)
    {
        var byParent = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var found = new HashSet<int> { root };
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var id))
            foreach (var child in byParent[id])
                if (found.Add(child.Id)) queue.Enqueue(child.Id);
        return found;
    }

    /// <summary>Units in tree order with their depth, for a parent picker.</summary>
    public static IReadOnlyList<(OrgUnit Unit, int Depth)> Flatten(IReadOnlyList<OrgUnit> units)
    {
        var children = Children(units);
        var list = new List<(OrgUnit, int)>();
        var seen = new HashSet<int>();
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent])
                if (seen.Add(u.Id))
                {
                    list.Add((u, depth));
                    Walk(u.Id, depth + 1);
                }
        }
        Walk(null, 0);
        return list;
    }
}
