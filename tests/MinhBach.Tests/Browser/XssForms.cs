using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace MinhBach.Tests.Browser;

/// <summary>A field of a form as the browser sees it.</summary>
public sealed record FormField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("rich")] bool Rich,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("options")] string[] Options,
    [property: JsonPropertyName("max")] int? MaxLength);

/// <summary>What came back after posting a form: the status, the address, and the error list shown (empty when saved).</summary>
public sealed record FormOutcome(int Status, string Url, IReadOnlyList<string> Errors)
{
    public bool Saved => Errors.Count == 0 && Status is > 0 and < 400;
}

/// <summary>
/// Fills and posts a form of the page as an attacker would: browser-side checks (required, type, maxlength, the options of
/// a select) are switched off and the rich-text editor's submit hook is skipped (HTMLFormElement.submit), so exactly the
/// given text reaches the server through the form's own endpoint, with its antiforgery token.
/// </summary>
public static class XssForms
{
    private const string ListScript = """
        sel => {
          const f = document.querySelector(sel);
          if (!f) return null;
          const skip = ['hidden', 'submit', 'button', 'reset', 'image', 'file'];
          return JSON.stringify(Array.from(f.elements)
            .filter(e => e.name && e.name !== '__RequestVerificationToken' && e.localName !== 'button' && e.localName !== 'fieldset' && !skip.includes(e.type))
            .map(e => ({
              name: e.name, tag: e.localName, type: e.type || '', rich: e.hasAttribute('data-rich-text'),
              value: e.type === 'checkbox' ? String(e.checked) : e.value,
              options: e.localName === 'select' ? Array.from(e.options, o => o.value) : [],
              max: e.maxLength > 0 ? e.maxLength : null
            })));
        }
        """;

    private const string PostScript = """
        ([sel, values]) => {
          const f = document.querySelector(sel);
          f.noValidate = true;
          for (const [name, value] of Object.entries(values)) {
            for (const el of Array.from(f.elements).filter(e => e.name === name && e.type !== 'hidden')) {
              if (el.type === 'checkbox') { el.checked = value === 'true'; continue; }
              el.removeAttribute('maxlength');
              if (el.localName === 'select') {
                if (!Array.from(el.options).some(o => o.value === value)) {
                  const o = document.createElement('option');
                  o.value = value;
                  o.textContent = 'payload';
                  el.add(o);
                }
                el.value = value;
                continue;
              }
              if (el.localName === 'input' && el.type !== 'text') el.type = 'text';
              el.value = value;
            }
          }
          HTMLFormElement.prototype.submit.call(f);
        }
        """;

    private const string ErrorsScript = """
        () => {
          const box = Array.from(document.querySelectorAll('.errors[role=alert]'));
          const items = box.flatMap(b => Array.from(b.querySelectorAll('li')));
          return (items.length ? items : box.flatMap(b => Array.from(b.querySelectorAll('p')))).map(x => x.textContent.trim());
        }
        """;

    public static Task<bool> HasAsync(IPage page, string formSelector) =>
        page.EvaluateAsync<bool>("sel => document.querySelector(sel) !== null", formSelector);

    public static async Task<IReadOnlyList<FormField>> FieldsAsync(IPage page, string formSelector) =>
        await page.EvaluateAsync<string?>(ListScript, formSelector) is { } json
            ? JsonSerializer.Deserialize<FormField[]>(json)!
            : throw new InvalidOperationException($"No form {formSelector} on {page.Url}.");

    /// <summary>Sets the values (by field name) and posts; the probe checks the page that comes back.</summary>
    public static Task<FormOutcome> PostAsync(XssProbe probe, string formSelector, IReadOnlyDictionary<string, string> values) =>
        NavigateAsync(probe, () => probe.Page.EvaluateAsync(PostScript, new object[] { formSelector, values }));

    /// <summary>Clicks a button that posts (a workflow step) and waits for the page that comes back.</summary>
    public static Task<FormOutcome> ClickAsync(XssProbe probe, string buttonSelector) =>
        NavigateAsync(probe, () => probe.Page.ClickAsync(buttonSelector));

    private static async Task<FormOutcome> NavigateAsync(XssProbe probe, Func<Task> action)
    {
        // WaitForURLAsync, the suggested replacement, cannot tell a refused form from the page before it: both have one address.
#pragma warning disable CS0612
        var response = await probe.Page.RunAndWaitForNavigationAsync(action);
#pragma warning restore CS0612
        await probe.CheckAsync();
        return await OutcomeAsync(probe.Page, response);
    }

    private static async Task<FormOutcome> OutcomeAsync(IPage page, IResponse? response) =>
        new(response?.Status ?? 0, page.Url, await page.EvaluateAsync<string[]>(ErrorsScript));
}
