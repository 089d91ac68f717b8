using Microsoft.EntityFrameworkCore;
using MinhBach.Tests.Browser;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Admin;

/// <summary>
/// Every field that holds an address (a link, the original of a republished article, a featured image, a leader's photo,
/// a document's file) refuses script addresses, disguised or not, one field at a time, with a Vietnamese message naming
/// the field; nothing is saved.
/// </summary>
public sealed class AddressFieldTests
{
    [DatabaseTheory]
    public async Task Address_fields_refuse_javascript_data_and_vbscript_addresses_with_a_Vietnamese_message(string provider)
    {
        await using var w = await EditorsWorld.StartAsync(provider);
        var category = await w.App.AddCategoryAsync(w.SoA, "tin-hoat-dong", "Tin hoạt động");
        using var s = await w.SignInAsync(Who.EditorA);
        var cat = category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new (string Name, string Path, string Message, (string, string)[] Valid)[]
        {
            ("Form.Url", "/so-a/quan-tri/lien-ket/moi", "Địa chỉ \"", [("Form.Kind", "Other"), ("Form.Title", "Cổng dữ liệu")]),
            ("Form.PhotoUrl", "/so-a/quan-tri/lanh-dao/moi", "Ảnh chân dung \"", [("Form.FullName", "Trần Thị B"), ("Form.Title", "Phó Giám đốc Sở")]),
            ("Form.FileUrl", "/so-a/quan-tri/van-ban/moi", "Liên kết toàn văn \"",
                [("Form.Number", "02/QĐ-SOA"), ("Form.TypeCode", "quyet-dinh"), ("Form.Title", "Quyết định khác"), ("Form.IssuingBody", "Sở A"), ("Form.IssuedOn", "2026-02-01")]),
            ("Form.SourceUrl", "/so-a/quan-tri/tin-bai/moi?handler=Save", "Đường dẫn bài gốc phải là địa chỉ http(s) đầy đủ.",
                [("Form.Title", "Tin đăng lại"), ("Form.CategoryId", cat), ("Form.Source", "Báo Nhân Dân")]),
            ("Form.FeaturedImageUrl", "/so-a/quan-tri/tin-bai/moi?handler=Save", "Ảnh đại diện phải là ảnh đã tải lên hoặc địa chỉ https.",
                [("Form.Title", "Tin có ảnh"), ("Form.CategoryId", cat), ("Form.FeaturedImageAlt", "Ảnh hội nghị")]),
        };
        foreach (var (name, path, message, valid) in fields)
            foreach (var address in XssPayloads.ScriptAddresses)
            {
                var errors = await EditorsWorld.RefusedAsync(s, path, [.. valid, (name, address)]);
                Assert.True(errors.Any(e => e.StartsWith(message, StringComparison.Ordinal)),
                    $"{name} = {address}: expected a message starting \"{message}\", got: {string.Join(" | ", errors)}");
            }

        Assert.Equal(0, await w.DbAsync(db => db.SiteLinks.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await w.DbAsync(db => db.Leaders.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await w.DbAsync(db => db.Documents.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, await w.DbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync()));
    }
}
