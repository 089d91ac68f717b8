using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MinhBach.Tests.Browser;

/// <summary>
/// A Chromium context that notices injected script running. The content security policy is bypassed on purpose, so that
/// what is observed is the sanitiser and the output encoding alone (the policy is a second wall, tested elsewhere).
/// Signals: alert/confirm/prompt/print, wrapped in every frame by an init script that records each call in window.__xss
/// and reports it to the test; any real dialog; any request to /xss-marker/… or to the host xss.invalid other than an
/// image; the page leaving for another address. After each page, <see cref="CheckAsync"/> also looks for markup that
/// could run on a click or a hover: event-handler attributes, script elements not of the application, frames, objects,
/// base and refresh elements, and javascript:/vbscript:/data: addresses where a browser would navigate or load them.
/// Findings are collected, not thrown, so one run reports every problem; call <see cref="AssertNothingRan"/> at the end.
/// </summary>
public sealed class XssProbe
{
    public const string MarkerPath = "/xss-marker/";
    public const string MarkerHost = "xss.invalid";

    private const string InitScript = """
        (() => {
          const calls = [];
          Object.defineProperty(window, '__xss', { value: calls, configurable: false, writable: false });
          const record = (name, args) => {
            const text = name + '(' + Array.from(args, a => String(a)).join(', ') + ')';
            calls.push(text);
            try { window.__xssHit(text + ' in ' + location.href); } catch (e) { }
          };
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            Object.defineProperty(window, name, { value: function () { record(name, arguments); return null; }, configurable: true, writable: true });
          }
        })();
        """;

    /// <summary>Markup that may run without being typed into: on a click, a hover, a focus, or on its own.</summary>
    private const string DomCheck = """
        () => {
          const found = [];
          const describe = el => el.outerHTML.slice(0, 160);
          const own = /^\/(assets|lib\/quill)\/[\w.-]+\.js$/;
          for (const s of document.querySelectorAll('script')) {
            const src = s.getAttribute('src');
            let ok = false;
            if (src) { try { const u = new URL(src, document.baseURI); ok = u.origin === location.origin && own.test(u.pathname); } catch (e) { } }
            if (!ok) found.push('script element: ' + describe(s));
          }
          for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], style, link:not(head > link)'))
            found.push('element <' + el.localName + '>: ' + describe(el));
          const navigating = new Set(['href', 'xlink:href', 'action', 'formaction', 'src', 'data', 'background', 'poster', 'srcset', 'dynsrc', 'lowsrc', 'codebase', 'cite']);
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              const name = a.name.toLowerCase();
              if (name.startsWith('on')) { found.push('handler ' + name + ': ' + describe(el)); continue; }
              if (name === 'srcdoc') { found.push('srcdoc: ' + describe(el)); continue; }
              if (name === 'style' && /expression\s*\(|javascript:|url\s*\(/i.test(a.value)) { found.push('style: ' + describe(el)); continue; }
              if (!navigating.has(name)) continue;
              for (const part of (name === 'srcset' ? a.value.split(',').map(x => x.trim().split(/\s+/)[0]) : [a.value])) {
                let scheme = '';
                try { scheme = new URL(part, document.baseURI).protocol; } catch (e) { continue; }
                // An image never runs script, whatever its format: data: images (the authenticator's QR code) are fine.
                const dataImage = scheme === 'data:' && el.localName === 'img' && (name === 'src' || name === 'srcset') && /^\s*data:image\/(png|jpe?g|gif|webp|svg\+xml);/i.test(part);
                if (scheme === 'javascript:' || scheme === 'vbscript:' || (scheme === 'data:' && !dataImage))
                  found.push(name + '=' + scheme + ' on ' + describe(el));
              }
            }
          }
          return found;
        }
        """;

    private readonly ConcurrentQueue<string> _findings = new();
    private readonly string _origin;
    private string _step = "opening the browser";

    private XssProbe(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        Page = page;
        _origin = baseAddress.GetLeftPart(UriPartial.Authority);
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public IReadOnlyCollection<string> Findings => _findings;
    public int PagesChecked { get; private set; }

    public static async Task<XssProbe> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), Locale = "vi-VN", BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var probe = new XssProbe(context, page, baseAddress);
        await context.ExposeFunctionAsync<string>("__xssHit", text => probe.Found($"script ran: {text}"));
        await context.AddInitScriptAsync(InitScript);
        context.Dialog += async (_, dialog) =>
        {
            probe.Found($"dialog {dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await context.RouteAsync(url => url.Contains(MarkerPath, StringComparison.Ordinal) || HostOf(url) == MarkerHost, async route =>
        {
            // A sanitised <img src="//xss.invalid/…"> is harmless; anything else reaching for the marker is script at work.
            if (route.Request.ResourceType != "image")
                probe.Found($"request {route.Request.ResourceType} {route.Request.Url}");
            await route.FulfillAsync(new() { Status = 204 });
        });
        page.FrameNavigated += (_, frame) =>
        {
            if (frame.ParentFrame is null && !frame.Url.StartsWith(probe._origin, StringComparison.Ordinal) && frame.Url != "about:blank")
                probe.Found($"the page went to {frame.Url}");
        };
        return probe;
    }

    private static string? HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    private void Found(string what) => _findings.Enqueue($"{_step}: {what}");

    /// <summary>Names what the browser is doing, for the findings.</summary>
    public void Step(string what) => _step = what;

    /// <summary>Opens a page and checks it; returns the HTTP status.</summary>
    public async Task<int> GotoAsync(string path, string? what = null)
    {
        Step(what ?? $"GET {path}");
        var response = await Page.GotoAsync(path);
        await CheckAsync();
        return response?.Status ?? 0;
    }

    /// <summary>Lets late events fire (toggle, focus, animation, failed media), then looks at the page as it is now.</summary>
    public async Task CheckAsync()
    {
        PagesChecked++;
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 20)))");
        if (!Page.Url.StartsWith(_origin, StringComparison.Ordinal)) return; // already reported by FrameNavigated
        foreach (var call in await Page.EvaluateAsync<string[]>("() => Array.from(window.__xss || [])"))
            Found($"window.__xss holds {call}");
        foreach (var markup in await Page.EvaluateAsync<string[]>(DomCheck))
            Found($"live markup: {markup}");
    }

    /// <summary>
    /// Proves the probe can see: a page served with the application's own content security policy carries script that
    /// runs in several ways; every signal must fire. The findings are then cleared.
    /// </summary>
    public async Task SelfTestAsync()
    {
        Step("self-test");
        await using var response = await Context.APIRequest.GetAsync("/");
        var csp = response.Headers.TryGetValue("content-security-policy", out var value) ? value : throw new InvalidOperationException("The application sent no content security policy.");
        const string path = "/xss-probe-self-test";
        await Context.RouteAsync("**" + path, route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html; charset=utf-8", Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = csp },
            Body = "<!DOCTYPE html><title>t</title><script>alert(901)</script><img src=x onerror=alert(902)>" +
                   "<iframe srcdoc=\"&lt;script&gt;alert(903)&lt;/script&gt;\"></iframe><script>fetch('/xss-marker/904')</script><a href=\"javascript:alert(905)\">a</a>",
        }));
        await Page.GotoAsync(path);
        await Page.WaitForTimeoutAsync(200);
        await CheckAsync();
        var seen = string.Join(Environment.NewLine, _findings);
        foreach (var signal in new[] { "alert(901)", "alert(902)", "alert(903)", "xss-marker/904", "href=javascript:" })
            Assert.True(seen.Contains(signal, StringComparison.Ordinal), $"The probe did not see {signal}:{Environment.NewLine}{seen}");
        _findings.Clear();
        PagesChecked = 0;
        await Context.UnrouteAsync("**" + path);
    }

    public void AssertNothingRan()
    {
        var all = _findings.Distinct().ToList();
        Assert.True(all.Count == 0, $"{all.Count} XSS findings:{Environment.NewLine}{string.Join(Environment.NewLine, all)}");
    }
}
