// The app's own timing spans: from when the user acted to when the screen showed the answer
// (painted). Kept as User Timing measures, so the window benchmark (tests/benches/window.rs)
// reads them through WebDriver and a developer sees them in the web inspector.

/** Measures of one name kept at most; older ones are dropped (a long day's session). */
const KEEP = 500;

/** When the last navigation started (performance.now()): a screen's span starts there. */
let navigatedAt = 0;

export function markNavigation(): void {
  navigatedAt = performance.now();
}

export function sinceNavigation(): number {
  return navigatedAt;
}

function measure(name: string, start: number): void {
  if (performance.getEntriesByName(name, 'measure').length >= KEEP) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

/**
 * Records `name` from `start` to the next paint after the DOM has been updated; `name:dom` to
 * now, when the DOM has been updated (the caller awaited tick()); and `name:frame` to when the
 * next frame began (requestAnimationFrame, at the display's rate, 60 times a second). From
 * `:dom` to `:frame` the page waits for the display; from `:frame` to the end the browser lays
 * out and draws the frame.
 */
export function span(name: string, start: number): void {
  measure(`${name}:dom`, start);
  requestAnimationFrame(() => {
    measure(`${name}:frame`, start);
    setTimeout(() => measure(name, start));
  });
}

/**
 * Records `name:antwoord` from `start` to now, when the backend's answer has arrived: the part of
 * the span `name` that is the command and its IPC, the rest being the screen's own work.
 */
export function answered(name: string, start: number): void {
  measure(`${name}:antwoord`, start);
}

/**
 * Records `name:input` from `start` (the input event's time stamp) to now, when the page's
 * handler runs: how long the user's key took to reach the page.
 */
export function received(name: string, start: number): void {
  measure(`${name}:input`, start);
}
