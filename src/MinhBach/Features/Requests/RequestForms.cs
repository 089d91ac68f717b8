using MinhBach.Features.Admin;

namespace MinhBach.Features.Requests;

/// <summary>The checks the public forms of questions, petitions and consultation comments share.</summary>
public static class RequestForms
{
    /// <summary>The form's random submission key when it looks like one (16–64 letters and digits), else null.</summary>
    public static string? SubmissionKey(string? posted) =>
        posted is { Length: >= 16 and <= 64 } k && k.All(char.IsAsciiLetterOrDigit) ? k : null;

    /// <summary>Checks the e-mail address and phone number; the requester must give one of them to get the answer
    /// (<paramref name="missing"/> says so, unless one of them was already refused as malformed).</summary>
    public static (string? Email, string? Phone) Contact(FormCheck check, List<string> errors, string? email, string? phone, string missing)
    {
        var e = check.Email(email, "Thư điện tử");
        var p = check.Phone(phone, "Số điện thoại");
        if (e is null && p is null && !errors.Any(x => x.StartsWith("Thư điện tử", StringComparison.Ordinal) || x.StartsWith("Số điện thoại", StringComparison.Ordinal)))
            check.Fail(missing);
        return (e, p);
    }

    /// <summary>Refuses a submission key that was posted but is not one of ours (a tampered form).</summary>
    public static void CheckKey(FormCheck check, string? posted, string? key)
    {
        if (!string.IsNullOrEmpty(posted) && key is null) check.Fail("Biểu mẫu không hợp lệ; hãy tải lại trang rồi gửi lại.");
    }

    /// <summary>Reads and judges the attachment, if any; its refusal goes to the form's errors.</summary>
    public static async Task<RequestAttachments.Intake?> AttachmentAsync(FormCheck check, Media.IncomingFile? attachment, int maxMegabytes, CancellationToken ct)
    {
        if (attachment is null) return null;
        var (file, error) = await RequestAttachments.ReceiveAsync(attachment, maxMegabytes, ct);
        if (error is not null) check.Fail(error);
        return file;
    }
}
