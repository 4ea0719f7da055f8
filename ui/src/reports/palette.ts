// The charts' font and colours: the app's palette (app.css) as hex, since a canvas cannot use CSS variables.
export const PALETTE = {
  /** --accent */
  accent: '#0b5c6b',
  /** The logo's lighter teal. */
  teal: '#1f8a9a',
  /** The Werkvoorraad's info blue. */
  info: '#6f8fb0',
  /** The Werkvoorraad's warning amber. */
  warning: '#c77c0e',
  /** --danger */
  danger: '#b3261e',
  /** --text-muted: axis labels and legend. */
  muted: '#5b6872',
  /** Grid lines, a shade lighter than --border. */
  grid: '#e6eaee',
} as const;

/** app.css --font. */
export const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";
