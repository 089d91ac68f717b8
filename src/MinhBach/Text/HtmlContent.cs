using Ganss.Xss;

namespace MinhBach.Text;

/// <summary>
/// The one gate for stored rich text: every HTML field is sanitised when saved, whatever wrote it
/// (editor, import, seeder), so pages can print it as is.
/// </summary>
public static class HtmlContent
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        // Inline styles would need 'unsafe-inline' in the content security policy; the theme styles content.
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("form");
        s.AllowedSchemes.Add("mailto");
        s.AllowedSchemes.Add("tel");
        return s;
    }

    public static string Sanitize(string? html) => string.IsNullOrEmpty(html) ? "" : Sanitizer.Sanitize(html);
}
