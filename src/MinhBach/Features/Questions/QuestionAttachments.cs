using MinhBach.Features.Documents.Extraction;
using MinhBach.Features.Media;

namespace MinhBach.Features.Questions;

/// <summary>
/// The attachment of a question, judged by its content, never by its name: a PDF or DOCX that opens (text is not
/// required: a scan is fine), or an image, which is re-encoded as the media library does (so nothing hidden in it is
/// kept). Anything else, a file named .pdf that is not one, a password-protected or legacy Word file, is refused
/// with a sentence saying why.
/// </summary>
public static class QuestionAttachments
{
    public sealed record Accepted(byte[] Bytes, string Extension, string ContentType, string Kind);

    public const string NotAllowed = "Tệp đính kèm phải là PDF, DOCX hoặc ảnh (JPEG, PNG); hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.";
    public const string Empty = "Tệp đính kèm rỗng (0 byte): hãy chọn lại tệp.";

    public static string TooLarge(int megabytes) => $"Tệp đính kèm quá lớn: tối đa {megabytes} MB.";

    private static readonly DocumentTextExtractor Extractor = new(new ExtractionLimits { TimeBudget = TimeSpan.FromSeconds(5) });

    public static (Accepted? File, string? Error) Check(byte[] bytes, int maxBytes)
    {
        if (bytes.Length == 0) return (null, Empty);
        if (bytes.Length > maxBytes) return (null, TooLarge(maxBytes / 1024 / 1024));
        // No file name is given to detection: only the bytes decide.
        switch (DocumentTextExtractor.DetectFormat(bytes))
        {
            case DocumentFileFormat.Pdf:
            {
                var r = Extractor.Extract(bytes, null);
                return r.ProblemKind switch
                {
                    ExtractionProblem.None or ExtractionProblem.NoText or ExtractionProblem.Scanned when r.Format == DocumentFileFormat.Pdf =>
                        (new Accepted(bytes, "pdf", "application/pdf", "PDF"), null),
                    ExtractionProblem.PasswordProtected => (null, "Tệp PDF đính kèm có mật khẩu nên cán bộ không mở được; hãy gửi bản không đặt mật khẩu."),
                    _ => (null, "Tệp PDF đính kèm bị hỏng, không mở được; hãy lưu lại rồi gửi lần nữa."),
                };
            }
            case DocumentFileFormat.Docx:
            {
                var r = Extractor.Extract(bytes, null);
                if (r.Format != DocumentFileFormat.Docx) return (null, NotAllowed);
                return r.ProblemKind switch
                {
                    ExtractionProblem.None or ExtractionProblem.NoText =>
                        (new Accepted(bytes, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"), null),
                    ExtractionProblem.PasswordProtected => (null, "Tệp Word đính kèm có mật khẩu nên cán bộ không mở được; hãy gửi bản không đặt mật khẩu."),
                    _ => (null, "Tệp Word đính kèm bị hỏng hoặc quá lớn khi giải nén, không mở được."),
                };
            }
            case DocumentFileFormat.Doc:
                return (null, "Tệp Word 97–2003 (.doc) không được nhận: hãy lưu thành DOCX hoặc xuất PDF rồi gửi lại.");
        }
        var (image, error) = ImageIntake.Process(bytes);
        if (image is not null) return (new Accepted(image.Bytes, image.Extension, image.ContentType, "ảnh"), null);
        return (null, error is ImageIntake.NotImage or ImageIntake.TextNotImage ? NotAllowed : "Ảnh đính kèm: " + error);
    }
}
