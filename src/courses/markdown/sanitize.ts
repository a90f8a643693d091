// The second safety layer. markdown-it already escapes raw HTML (html: false); this
// allowlist guarantees that whatever our own plugins emit, no script, event handler,
// javascript:/data: URL, iframe, form, SVG, style or htmx attribute reaches a page.
import sanitizeHtml from "sanitize-html";

const blockish = ["class", "id"];

// allowedEmptyAttributes exists in sanitize-html 2.17 but not in its 2.16 type definitions.
const options: sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] } = {
  allowedTags: [
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "em", "strong", "del", "s", "sup", "sub", "kbd", "mark", "small", "abbr", "dfn",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
    "a", "img", "figure", "figcaption", "aside", "section", "div", "span",
    "video", "source", "track", "details", "summary",
  ],
  allowedAttributes: {
    "*": [],
    h2: ["id"], h3: ["id"], h4: ["id"], h5: ["id"], h6: ["id"],
    p: ["class"], span: blockish, div: blockish, section: blockish, aside: ["class", "aria-label"],
    ol: ["start", "class"], ul: ["class"], li: blockish, sup: blockish, hr: ["class"],
    a: ["href", "id", "class", "title", "rel", "download", "aria-describedby"],
    img: ["src", "alt", "title", "loading", "decoding", "width", "height"],
    figure: ["class"], th: ["scope"], td: [],
    video: ["controls", "preload", "poster", "width", "height", "aria-label"],
    source: ["src", "type"],
    track: ["kind", "src", "srclang", "label", "default"],
    details: ["class"], dfn: ["id"], abbr: ["title"], code: ["class"], pre: ["class"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src", "poster"],
  allowProtocolRelative: false,
  selfClosing: ["img", "br", "hr", "source", "track"],
  allowedEmptyAttributes: ["alt", "download", "controls", "default"],
  // Drop these with their content; everything else not allowed is unwrapped to text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "form"],
  disallowedTagsMode: "discard",
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, options);
}
