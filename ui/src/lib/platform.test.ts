import { describe, expect, it } from 'vitest';
import { isLinuxDesktop, markPlatform } from './platform';

const AGENTS: [string, string, boolean][] = [
  [
    'WebKitGTK (Linux)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
    true,
  ],
  ['WebKitGTK without X11', 'Mozilla/5.0 (Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)', true],
  [
    'WebView2 (Windows)',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    false,
  ],
  [
    'WKWebView (macOS)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
    false,
  ],
  [
    'Android',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    false,
  ],
  ['empty', '', false],
];

describe('isLinuxDesktop', () => {
  it.each(AGENTS)('%s', (_, agent, linux) => {
    expect(isLinuxDesktop(agent)).toBe(linux);
  });
});

describe('markPlatform', () => {
  it('marks the root on Linux', () => {
    const root = document.createElement('html');
    markPlatform(root, AGENTS[0][1]);
    expect(root.dataset.platform).toBe('linux');
  });

  it('leaves the root unmarked elsewhere', () => {
    const root = document.createElement('html');
    markPlatform(root, AGENTS[2][1]);
    expect(root.dataset.platform).toBeUndefined();
  });
});
