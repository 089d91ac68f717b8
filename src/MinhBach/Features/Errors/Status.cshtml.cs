using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinhBach.Features.Public;
using MinhBach.Features.Sites;

namespace MinhBach.Features.Errors;

/// <summary>The Vietnamese error page for every status code (re-executed by the status-code and exception middleware).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(CurrentSite current) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    public bool HasSite => current.Site is not null;
    public PageMeta Meta { get; private set; } = new();

    public IActionResult OnGet() => Render();
    public IActionResult OnPost() => Render();

    private IActionResult Render()
    {
        // The code is read from the route, not model-bound: binding also reads the posted form, and a form the server
        // refused to read (a NUL character in a field) would fail binding and turn its 400 into a 404.
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var failed = error is not null;
        var databaseDown = failed && IsDatabaseFailure(error);
        // /loi/123 asked for directly is itself a page that does not exist.
        Code = databaseDown ? 503 : failed ? 500 : original is null ? 404 : code is >= 400 and <= 599 ? code : 404;
        if (databaseDown) Response.Headers.RetryAfter = "30";
        (Heading, Message) = Code switch
        {
            503 when databaseDown => ("Hệ thống tạm thời không truy cập được dữ liệu",
                "Cơ sở dữ liệu đang tạm ngừng. Nội dung bạn vừa gửi (nếu có) chưa được lưu; vui lòng thử lại sau ít phút."),
            400 => ("Yêu cầu không hợp lệ", "Địa chỉ hoặc tham số không hợp lệ (ví dụ số trang, mã tuần, năm). Vui lòng kiểm tra lại đường dẫn."),
            404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy thử tìm kiếm hoặc quay về trang chủ."),
            405 => ("Phương thức không được hỗ trợ", "Trang này không nhận yêu cầu theo cách vừa gửi."),
            410 => ("Trang đã ngừng hoạt động", "Trang này đã ngừng hoạt động."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
            >= 500 => ("Hệ thống đang gặp sự cố", "Đã có lỗi xảy ra. Chúng tôi đã ghi nhận sự cố; vui lòng thử lại sau."),
            _ => ("Không thực hiện được yêu cầu", "Yêu cầu không thực hiện được."),
        };
        Response.StatusCode = Code;
        Meta = new PageMeta { Title = Heading };
        ViewData["Meta"] = Meta;
        return Page();
    }

    /// <summary>The database refused or did not answer (down, restarting, not accepting connections, busy), as opposed to a
    /// bug (a constraint broken, bad SQL): the visitor may simply try again.</summary>
    public static bool IsDatabaseFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is TimeoutException
                || e is Npgsql.PostgresException pg && (pg.IsTransient || pg.SqlState is "55000" or "3D000" || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57", StringComparison.Ordinal))
                || e is Npgsql.NpgsqlException and not Npgsql.PostgresException
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 })
                return true;
        return false;
    }
}
