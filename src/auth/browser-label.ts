// A coarse label for the sessions list ("Firefox on Android"), so people can recognise
// their devices. Derived once at sign-in; the user agent itself is never stored.
const BROWSERS: [RegExp, string][] = [
  [/SamsungBrowser\//, "Samsung Internet"],
  [/OPR\/|Opera/, "Opera"],
  [/Edg\//, "Edge"],
  [/Firefox\/|FxiOS/, "Firefox"],
  [/Chrome\/|CriOS/, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

export function browserLabel(userAgent: string | undefined): { browser: string | null; system: string | null } {
  const ua = userAgent ?? "";
  return {
    browser: BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null,
    system: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null,
  };
}

/** Stored form: "Firefox|Android", either part may be empty. */
export function encodeBrowserLabel(userAgent: string | undefined): string {
  const { browser, system } = browserLabel(userAgent);
  return `${browser ?? ""}|${system ?? ""}`;
}
