using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Content;
using MinhBach.Features.Sites;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Data;

/// <summary>
/// The version of edited rows (IVersioned) on both databases: every update increments it, and an update or delete
/// based on an older read changes nothing and fails, however close together the two saves are.
/// </summary>
public sealed class VersionTests
{
    [DatabaseTheory]
    public async Task An_update_or_delete_based_on_an_older_read_fails_and_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        int siteId, contactId;
        await using (var db = database.CreateDbContext())
        {
            var site = new Site { Slug = "so-a", Name = "Sở A", AgencyName = "Sở A", KindCode = "department", CreatedAt = DateTime.UtcNow };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            var contact = new Contact { SiteId = site.Id, FullName = "Lê Văn C", Title = "Chánh Văn phòng", Phone = "0203 3812 345" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            (siteId, contactId) = (site.Id, contact.Id);
            Assert.Equal((0, 0), (site.Version, contact.Version));
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var readFirst = await first.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId);
        var readSecond = await second.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId);

        readFirst.Title = "Phó Chánh Văn phòng";
        await first.SaveChangesAsync();
        Assert.Equal(1, readFirst.Version);

        readSecond.Title = "Chuyên viên";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(0, readSecond.Version); // a failed save leaves the version that was read
        second.ChangeTracker.Clear();
        second.Contacts.Remove(readSecond);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // Sites carry a version too (their settings form); an unchanged row is not written and keeps its version.
        var siteFirst = await first.Sites.SingleAsync(s => s.Id == siteId);
        await first.SaveChangesAsync();
        Assert.Equal(0, siteFirst.Version);
        siteFirst.Phone = "0203 3812 000";
        await first.SaveChangesAsync();
        siteFirst.Fax = "0203 3812 999";
        await first.SaveChangesAsync();

        await using var check = database.CreateDbContext();
        var stored = await check.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == contactId);
        Assert.Equal(("Phó Chánh Văn phòng", 1), (stored.Title, stored.Version));
        Assert.Equal(2, await check.Sites.Where(s => s.Id == siteId).Select(s => s.Version).SingleAsync());
    }
}
