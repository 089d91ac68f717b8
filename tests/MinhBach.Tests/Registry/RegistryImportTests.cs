using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Audit;
using MinhBach.Features.Exports;
using MinhBach.Features.Registry;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Registry;

/// <summary>Import of the registry from XLSX: the seed 000 units in, the same out; bad files reported row by row, nothing written.</summary>
public sealed class RegistryImportTests
{
    private static readonly AuditActor Operator = new(null, "chuyên viên", "127.0.0.1");

    private static async Task<ImportPlan> PlanAsync(TestApp app, byte[] file, string name = "so-theo-doi.xlsx")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryImport>().PlanAsync(file, name);
    }

    private static async Task<ImportResult> ImportAsync(TestApp app, byte[] file, string name = "so-theo-doi.xlsx")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<RegistryImport>();
        var plan = await import.PlanAsync(file, name);
        Assert.True(plan.Ok, string.Join("\n", plan.Problems));
        return await import.ApplyAsync(plan, Operator);
    }

    private static async Task<IReadOnlyList<RegistryRow>> RowsAsync(TestApp app, DateOnly? asOf = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryService>().RowsAsync(asOf);
    }

    private static Task<(int Entries, int Domains, long Audit)> CountsAsync(TestApp app) => app.WithDbAsync(async db =>
        (await db.RegistryEntries.CountAsync(), await db.RegistryDomains.CountAsync(), await db.AuditEntries.LongCountAsync()));

    [DatabaseTheory]
    public async Task The_seed_000_units_are_imported_with_the_seeds_counts_and_exported_back_the_same(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var result = await ImportAsync(app, RegistryFiles.Seed000Workbook(), "seed-000.xlsx");

        Assert.Equal(new ImportResult(27, 0, 0), result);
        var rows = await RowsAsync(app, RegistryFiles.SeedReviewDate);
        var summary = RegistryRules.Summarise(rows);
        Assert.Equal((27, 0, 21, 26, 27, 19, 8), (summary.Total, summary.Hosted, summary.Ipv6Yes, summary.EmcYes, summary.LicenceRequired, summary.LicenceValid, summary.LicenceNotValid));
        Assert.Equal(1, summary.LicenceExpiring);
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch"], rows.Where(r => r.Licence == LicenceState.Expiring).Select(r => r.Entry.UnitName));
        Assert.Equal(["Sở Kế hoạch và Đầu tư"], rows.Where(r => r.Entry.Emc == false).Select(r => r.Entry.UnitName));
        Assert.Equal(
            ["Ban Dân tộc", "Sở Giao thông Vận tải", "Sở Tư pháp", "Sở Y tế", "Thanh tra tỉnh", "UBND huyện Cư Jút", "UBND thành phố Gia Nghĩa", "Văn phòng UBND tỉnh"],
            rows.Where(r => r.Licence is LicenceState.Expired or LicenceState.Missing).Select(r => r.Entry.UnitName).Order(StringComparer.Ordinal));

        // Export, read it back cell by cell: every unit with every fact of the data file.
        byte[] exported;
        await using (var scope = app.Services.CreateAsyncScope())
            exported = RegistryExport.Xlsx(await scope.ServiceProvider.GetRequiredService<RegistryService>().RowsAsync());
        var table = SpreadsheetReader.Read(exported, RegistryCells.SheetName, 1000, out var problem);
        Assert.True(table is not null, problem);
        var header = table.Rows[0].Cells.ToDictionary(c => c.Value, c => c.Key);
        Assert.Equal(RegistryCells.Columns.Select(c => c.Header), table.Rows[0].Cells.OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal(28, table.Rows.Count);
        foreach (var unit in RegistryFiles.Seed000Units)
        {
            var row = Assert.Single(table.Rows, r => r[header["Tên đơn vị"]] == unit.Name);
            Assert.Equal(unit.Domain, row[header["Tên miền"]]);
            Assert.Equal(unit.Kind == "department" ? "Sở, ban, ngành" : "UBND huyện (cấp huyện, đã kết thúc hoạt động)", row[header["Loại đơn vị"]]);
            Assert.Equal("Trang thông tin điện tử tổng hợp", row[header["Loại trang"]]);
            Assert.Equal(unit.Ipv6 ? "Có" : "Không", row[header["IPv6"]]);
            Assert.Equal(unit.Emc ? "Có" : "Không", row[header["Kết nối EMC"]]);
            Assert.Equal(unit.EmcSiteId ?? "", row[header["Mã EMC"]]);
            Assert.Equal(unit.LicenceNumber ?? "", row[header["Số giấy phép"]]);
            Assert.Equal(RegistryCells.DateText(unit.LicenceIssuedOn), row[header["Ngày cấp giấy phép"]]);
            Assert.Equal(RegistryCells.DateText(unit.LicenceExpiresOn), row[header["Ngày hết hạn giấy phép"]]);
            Assert.Equal(unit.LicenceIssuer ?? "", row[header["Cơ quan cấp giấy phép"]]);
            Assert.Equal(unit.SubdomainConfirmation ?? "", row[header["Giấy xác nhận tên miền"]]);
            Assert.Equal("Không", row[header["Đặt trên hệ thống"]]);
        }

        // The export imported again changes nothing.
        var again = await PlanAsync(app, exported);
        Assert.True(again.Ok, string.Join("\n", again.Problems));
        Assert.Equal((0, 0, 27), (again.Added.Count, again.Updated.Count, again.Unchanged));
    }

    [DatabaseTheory]
    public async Task Wrong_and_missing_columns_are_named_and_nothing_is_written(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var file = RegistryFiles.Workbook("Sheet1", [
            ["Ten don vi", "LOẠI ĐƠN VỊ", "Điện thoại", "Tên  đơn vị"],
            ["Sở Tư pháp", "Sở, ban, ngành", "0261 3544 123", "Sở Tư pháp"],
        ]);

        var plan = await PlanAsync(app, file);

        Assert.False(plan.Ok);
        var messages = plan.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("Dòng 1: Cột \"Điện thoại\" không có trong mẫu sổ theo dõi", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Dòng 1: Cột \"Tên  đơn vị\" trùng với cột \"Ten don vi\"", StringComparison.Ordinal));
        Assert.Contains("Dòng 1: Thiếu cột \"Tên miền\".", messages);
        Assert.Equal((0, 0), (plan.Added.Count, plan.Updated.Count));
        Assert.Equal((0, 0), ((await CountsAsync(app)).Entries, (await CountsAsync(app)).Domains));
    }

    [DatabaseTheory]
    public async Task Every_bad_row_is_reported_with_its_row_and_column_and_nothing_is_half_imported(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportAsync(app, RegistryFiles.Workbook("Sổ theo dõi", [
            ["Tên đơn vị", "Loại đơn vị", "Tên miền"],
            ["Sở Y tế", "department", "syt.daknong.gov.vn"],
        ]));
        var before = await CountsAsync(app);

        var plan = await PlanAsync(app, RegistryFiles.Workbook("Sổ theo dõi", [
            ["Tên đơn vị", "Loại đơn vị", "Tên miền", "Ngày hết hạn giấy phép", "Số giấy phép", "IPv6", "Kết nối EMC", "Đơn vị cấp trên"],
            ["Sở Xây dựng", "department", "sxd.daknong.gov.vn", "30/06/2027", "15/GP-STTTT", "Có", "Có", null],               // 2: fine
            ["Sở Xây dựng (trùng)", "department", "SXD.daknong.gov.vn", null, null, null, null, null],                          // 3: same domain as row 2
            ["Sở Ngoại vụ", "bộ ngành trung ương", "sngv.daknong.gov.vn", null, null, null, null, null],                       // 4: unknown kind
            ["Sở Nội vụ", "department", "snv.daknong.gov.vn", "31/02/2027", "16/GP-STTTT", null, null, null],                 // 5: no such date
            ["Sở Tài chính", "department", "stc.daknong.gov.vn", null, null, "có lẽ", null, null],                             // 6: neither yes nor no
            ["Bệnh viện tỉnh", "other", "syt.daknong.gov.vn", null, null, null, null, null],                                    // 7: Sở Y tế's domain
            [null, "department", "so_y_te", null, null, null, null, null],                                           // 8: no name, bad domain
            ["Sở Công Thương", "department", "sct.daknong.gov.vn", null, null, null, "Không", "Ủy ban nhân dân tỉnh Hà Nam"],   // 9: unknown parent
            ["UBND huyện Đắk Mil", "district", "dakmil.daknong.gov.vn", "2027-13-01", "17/GP-STTTT", null, null, null],        // 10: month 13
        ]));

        Assert.False(plan.Ok);
        var messages = plan.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("Dòng 3, cột Tên miền: Tên miền sxd.daknong.gov.vn trùng với dòng 2.", messages);
        Assert.Contains(messages, m => m.StartsWith("Dòng 4, cột Loại đơn vị: loại đơn vị \"bộ ngành trung ương\" không có trong danh mục", StringComparison.Ordinal));
        Assert.Contains("Dòng 5, cột Ngày hết hạn giấy phép: ngày \"31/02/2027\" không hợp lệ (dùng dd/mm/yyyy, ví dụ 05/03/2024, hoặc yyyy-mm-dd).", messages);
        Assert.Contains("Dòng 6, cột IPv6: \"có lẽ\" không phải Có hoặc Không (để trống nếu chưa rõ).", messages);
        Assert.Contains(messages, m => m.StartsWith("Dòng 7, cột Tên miền: Tên miền syt.daknong.gov.vn đã có trong sổ, thuộc Sở Y tế (dòng này ghi Bệnh viện tỉnh)", StringComparison.Ordinal));
        Assert.Contains("Dòng 8, cột Tên đơn vị: thiếu tên đơn vị.", messages);
        Assert.Contains(messages, m => m.StartsWith("Dòng 8, cột Tên miền: \"so_y_te\" không phải tên miền hợp lệ", StringComparison.Ordinal));
        Assert.Contains("Dòng 9, cột Đơn vị cấp trên: Không tìm thấy đơn vị \"Ủy ban nhân dân tỉnh Hà Nam\" trong tệp hay trong sổ.", messages);
        Assert.Contains("Dòng 10, cột Ngày hết hạn giấy phép: ngày \"2027-13-01\" không hợp lệ (dùng dd/mm/yyyy, ví dụ 05/03/2024, hoặc yyyy-mm-dd).", messages);
        Assert.DoesNotContain(messages, m => m.StartsWith("Dòng 2", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync(app));
    }

    [DatabaseTheory]
    public async Task A_preview_says_what_changes_and_a_parent_may_be_a_unit_of_the_same_file(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportAsync(app, RegistryFiles.Workbook("Sổ theo dõi", [
            ["Tên đơn vị", "Loại đơn vị", "Tên miền", "IPv6"],
            ["Sở Y tế", "department", "syt.daknong.gov.vn", "Không"],
        ]));

        var file = RegistryFiles.Workbook("Sổ theo dõi", [
            ["tên miền", "đơn vị cấp trên", "TÊN ĐƠN VỊ", "loại đơn vị", "ipv6", "ngày hết hạn giấy phép", "số giấy phép"],
            ["syt.daknong.gov.vn", null, "Sở Y tế", "department", "Có", null, null],
            ["bvdk.daknong.gov.vn", "so y te", "Bệnh viện đa khoa tỉnh", "other", "Có", new DateOnly(2027, 3, 31), "20/GP-STTTT"],
        ]);
        var plan = await PlanAsync(app, file);

        Assert.True(plan.Ok, string.Join("\n", plan.Problems));
        var update = Assert.Single(plan.Updated);
        Assert.Equal(["IPv6"], update.ChangedFields);
        var add = Assert.Single(plan.Added);
        Assert.Equal("Bệnh viện đa khoa tỉnh", add.Change.UnitName);

        await ImportAsync(app, file);
        var rows = await RowsAsync(app);
        var hospital = Assert.Single(rows, r => r.Entry.UnitName == "Bệnh viện đa khoa tỉnh");
        Assert.Equal("Sở Y tế", hospital.ParentName);
        Assert.Equal(new DateOnly(2027, 3, 31), hospital.Entry.LicenceExpiresOn);
        Assert.True(Assert.Single(rows, r => r.Entry.UnitName == "Sở Y tế").Entry.Ipv6);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("registry.")).OrderBy(a => a.Sequence).Select(a => a.Summary).ToListAsync());
        Assert.Contains(audit, s => s.StartsWith("Nhập sổ theo dõi từ tệp so-theo-doi.xlsx: thêm 1, cập nhật 1", StringComparison.Ordinal));
        Assert.Contains(audit, s => s.Contains("Sở Y tế: IPv6", StringComparison.Ordinal));
    }

    [DatabaseTheory]
    public async Task Files_that_are_not_workbooks_are_refused_in_Vietnamese(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var csv = await PlanAsync(app, "Tên đơn vị,Tên miền\nSở Y tế,syt.daknong.gov.vn\n"u8.ToArray(), "so.csv");
        var broken = await PlanAsync(app, [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0], "hong.xlsx");
        var empty = await PlanAsync(app, RegistryFiles.Workbook("Sổ theo dõi", [["Tên đơn vị", "Loại đơn vị", "Tên miền"]]));

        Assert.StartsWith("Tệp không phải bảng tính Excel .xlsx", Assert.Single(csv.Problems).Message);
        Assert.StartsWith("Không mở được tệp .xlsx", Assert.Single(broken.Problems).Message);
        Assert.Equal("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", Assert.Single(empty.Problems).Message);
    }
}
