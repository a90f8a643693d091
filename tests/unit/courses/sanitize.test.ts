// Content can never inject scripts, event handlers, javascript: URLs, iframes, forms,
// SVG or htmx attributes — neither through markdown nor through our own plugins' output.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/courses/markdown/markdown.js";
import type { RenderEnv } from "../../../src/courses/markdown/render-env.js";
import { sanitize } from "../../../src/courses/markdown/sanitize.js";

function env(reported: string[] = []): RenderEnv {
  return {
    docId: "t",
    firstLine: 1,
    lines: [],
    toc: [],
    resolveLink: (href) =>
      href.startsWith("https:") ? { ok: true, href, kind: "external" } : { ok: false, message: `refused ${href}` },
    resolveAsset: (src) => ({ ok: false, message: `refused ${src}` }),
    calloutLabel: (kind) => kind,
    renderVideo: () => "",
    report: (_severity, _line, _col, message) => reported.push(message),
  };
}

describe("the sanitiser removes anything that could run or phone home", () => {
  it.each([
    ["a script element", "<p>hi</p><script>alert(1)</script>", "<p>hi</p>"],
    ["an onerror handler", '<img src="/a.png" alt="x" onerror="alert(1)">', '<img src="/a.png" alt="x" />'],
    ["a javascript: link", '<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ["an obfuscated javascript: link", '<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ["a data: image", '<img src="data:image/png;base64,AAAA" alt="x">', '<img alt="x" />'],
    ["an iframe", '<iframe src="https://evil.example"></iframe><p>ok</p>', "<p>ok</p>"],
    ["an SVG with script", "<svg><script>alert(1)</script><circle/></svg><p>ok</p>", "<p>ok</p>"],
    ["a form", '<form action="https://evil.example"><input name="pw"></form><p>ok</p>', "<p>ok</p>"],
    ["htmx attributes", '<div hx-get="/admin" hx-trigger="load" class="c">x</div>', '<div class="c">x</div>'],
    ["hx-on handlers", '<p hx-on:click="alert(1)">x</p>', "<p>x</p>"],
    ["inline styles", '<p style="background:url(https://evil.example/t.png)">x</p>', "<p>x</p>"],
    ["a protocol-relative link", '<a href="//evil.example/x">x</a>', "<a>x</a>"],
    ["an object element", '<object data="x.swf"></object><p>ok</p>', "<p>ok</p>"],
  ])("%s", (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });
});

describe("markdown content", () => {
  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown('Hello <img src=x onerror="alert(1)"> <iframe src="https://x"></iframe>', env());
    expect(html).not.toMatch(/<img|<iframe/);
    expect(html).toContain("&lt;img src=x onerror=");
  });

  it("refuses javascript: and data: links with a problem, keeping only the text", () => {
    const reported: string[] = [];
    const html = renderMarkdown(
      "[a](javascript:alert(1)) [b](data:text/html,hi) ![c](data:image/png;base64,AA)",
      env(reported),
    );
    expect(html).not.toMatch(/javascript:|data:/);
    expect(html).toContain("a");
    expect(reported).toEqual([
      "refused javascript:alert(1)",
      "refused data:text/html,hi",
      "refused data:image/png;base64,AA",
    ]);
  });

  it("refuses autolinks to javascript: URLs", () => {
    const html = renderMarkdown("<javascript:alert(1)>", env());
    expect(html).not.toContain('href="javascript:');
  });

  it("keeps external links, marked noopener noreferrer", () => {
    expect(renderMarkdown("[UNAIDS](https://www.unaids.org/)", env())).toContain(
      '<a href="https://www.unaids.org/" rel="noopener noreferrer">UNAIDS</a>',
    );
  });

  it("escapes callout titles", () => {
    expect(renderMarkdown('::: note <img src=x onerror="alert(1)">\nText\n:::', env())).toContain(
      "&lt;img src=x onerror=",
    );
  });
});
