using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinhBach.Features.Petitions;
using MinhBach.Features.Requests;
using MinhBach.Tests.Admin;
using MinhBach.Tests.Infrastructure;
using MinhBach.Tests.Questions;

namespace MinhBach.Tests.Petitions;

/// <summary>
/// What the petition tests do in the Q&amp;A tests' province (<see cref="QnaWorld"/>: the portal, so-tnmt, so-b, their
/// editors, a real SMTP receiver): fill in and post the petition form as a browser does, read petitions back.
/// </summary>
public static partial class Petitioner
{
    public const string Email = "nguoigui@example.vn";
    public const string Phone = "0987 654 321";
    public const string Name = "Trần Thị Phản Ánh";
    public const string Address = "Số 12 đường Lê Lợi, xã Tân Phú";

    /// <summary>A valid petition's fields (change any with <paramref name="with"/>).</summary>
    public static Dictionary<string, string> Fields(params (string Name, string Value)[] with)
    {
        var f = new Dictionary<string, string>
        {
            ["PetitionerName"] = Name,
            ["Email"] = Email,
            ["Phone"] = Phone,
            ["Address"] = Address,
            ["Subject"] = "Đường giao thông nông thôn xuống cấp",
            ["PetitionContent"] = "Tuyến đường liên thôn từ thôn 2 đến thôn 5 xã Tân Phú bị sụt lún nhiều đoạn, mùa mưa ngập sâu. Đề nghị cơ quan chức năng kiểm tra, sửa chữa.",
            ["Consent"] = "true",
            ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        };
        foreach (var (n, v) in with) f[n] = v;
        return f;
    }

    /// <summary>Posts the petition form of a site ("" or "/so-tnmt") as a browser does (multipart, antiforgery token).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(AdminClient citizen, string prefix, IReadOnlyDictionary<string, string> fields,
        (string Name, byte[] Content, string Type)? file = null, bool withToken = true, string? token = null)
    {
        var form = new Multipart();
        foreach (var (k, v) in fields) form.Field(k, v);
        if (file is { } f) form.File("Attachment", f.Name, f.Content, f.Type);
        if (withToken) form.Field(AdminClient.TokenField, token ?? await citizen.AntiforgeryTokenAsync(prefix + PetitionUrls.Submit));
        var response = await citizen.Http.PostAsync(prefix + PetitionUrls.Submit, form.ToContent());
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("PA-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    public static partial Regex CodePattern();

    public static Task<Petition> PetitionAsync(this QnaWorld w, string code) =>
        w.DbAsync(db => db.Petitions.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Code == code));

    public static Task<int> PetitionCountAsync(this QnaWorld w) => w.DbAsync(db => db.Petitions.IgnoreQueryFilters().CountAsync());

    public static async Task<DeadlineReport> RunPetitionDeadlinesAsync(this QnaWorld w)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PetitionService>().RunDeadlinesAsync(CancellationToken.None);
    }

    /// <summary>Posts one of the petition's admin forms as a signed-in person.</summary>
    public static Task<HttpResponseMessage> ActAsync(AdminSession s, string prefix, int id, string handler, int version, params (string Name, string Value)[] fields) =>
        s.PostFormAsync($"{prefix}{PetitionUrls.AdminDetail(id)}?handler={handler}",
            fields.Append(("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static async Task<string> TrackAsync(AdminClient citizen, string prefix, string code)
    {
        using var response = await citizen.PostFormAsync(prefix + PetitionUrls.Track, ("Code", code));
        var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"tracking {code}: {(int)response.StatusCode} {body}");
        return body;
    }
}
