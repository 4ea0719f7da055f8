// Which web view the app runs in, where the page has to act on it (fonts, see app.css).

/**
 * Whether the user agent is WebKitGTK, the app's web view on Linux (Windows has WebView2,
 * macOS WKWebView): a desktop Linux, not Android.
 */
export function isLinuxDesktop(userAgent: string): boolean {
  return /\b(X11|Linux)\b/.test(userAgent) && !/\bAndroid\b/.test(userAgent);
}

/** Marks the document's root with `data-platform="linux"` on Linux, for app.css. */
export function markPlatform(root: HTMLElement, userAgent: string): void {
  if (isLinuxDesktop(userAgent)) root.dataset.platform = 'linux';
}
