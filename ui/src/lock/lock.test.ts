import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emit } from '@tauri-apps/api/event';
import { api } from '../api';
import { installIpc, lockState } from '../test/ipc';
import {
  ACTIVITY_INTERVAL_MS,
  LOCKED_EVENT,
  isLockShortcut,
  lock,
  passphraseErrors,
  pingDue,
  showLock,
  startLockWatch,
} from './lock.svelte';

describe('the activity ping', () => {
  it('goes at most once per 30 seconds', () => {
    const cases: [last: number | null, now: number, due: boolean][] = [
      [null, 0, true],
      [1_000, 1_000, false],
      [1_000, 30_999, false],
      [1_000, 31_000, true],
      [1_000, 600_000, true],
    ];
    for (const [last, now, due] of cases) expect(pingDue(last, now), `${last} → ${now}`).toBe(due);
    expect(ACTIVITY_INTERVAL_MS).toBe(30_000);
  });
});

describe('Ctrl+L', () => {
  it('is Ctrl or ⌘ with L, nothing else', () => {
    const key = (init: KeyboardEventInit) => isLockShortcut(new KeyboardEvent('keydown', init));
    expect(key({ key: 'l', ctrlKey: true })).toBe(true);
    expect(key({ key: 'L', ctrlKey: true })).toBe(true);
    expect(key({ key: 'l', metaKey: true })).toBe(true);
    expect(key({ key: 'l' })).toBe(false);
    expect(key({ key: 'l', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(key({ key: 'l', ctrlKey: true, altKey: true })).toBe(false);
    expect(key({ key: 'k', ctrlKey: true })).toBe(false);
  });
});

describe('errors of a passphrase form', () => {
  it('go to their fields as sentences; the rest is a failure', () => {
    const weak = {
      code: 'validation' as const,
      message: 'Wachtwoordzin: …',
      fields: [
        { field: 'passphrase', rule: 'weak', message: 'het wachtwoord moet minstens 12 tekens hebben (nu 4)' },
        { field: 'repeat', rule: 'same', message: 'de herhaling is niet gelijk aan de wachtwoordzin' },
      ],
    };
    expect(passphraseErrors(weak, ['passphrase', 'repeat'])).toEqual({
      fields: {
        passphrase: 'Het wachtwoord moet minstens 12 tekens hebben (nu 4)',
        repeat: 'De herhaling is niet gelijk aan de wachtwoordzin',
      },
      failure: null,
    });
    expect(passphraseErrors(weak, ['current'])).toEqual({ fields: {}, failure: 'Wachtwoordzin: …' });
    expect(
      passphraseErrors({ code: 'internal', message: 'de map kan niet worden aangemaakt', fields: [] }, ['passphrase']),
    ).toEqual({ fields: {}, failure: 'De map kan niet worden aangemaakt' });
  });
});

describe('watching for the lock', () => {
  let stop: (() => void) | null = null;
  let clock = 0;

  beforeEach(() => {
    clock = 100_000;
    showLock(lockState());
  });
  afterEach(() => {
    stop?.();
    stop = null;
  });

  it('pings on keys, clicks and scrolling, at most once per 30 seconds, only while open', async () => {
    const calls = installIpc({});
    stop = startLockWatch(() => clock);
    const pings = () => calls.filter((c) => c.cmd === 'activity').length;

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    window.dispatchEvent(new MouseEvent('mousedown'));
    window.dispatchEvent(new WheelEvent('wheel'));
    expect(pings()).toBe(1);
    clock += 29_000;
    window.dispatchEvent(new MouseEvent('mousedown'));
    expect(pings()).toBe(1);
    clock += 1_000;
    window.dispatchEvent(new WheelEvent('wheel'));
    expect(pings()).toBe(2);

    showLock(lockState({ screen: 'unlock' }));
    clock += 60_000;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(pings()).toBe(2);
  });

  it('locks on Ctrl+L', async () => {
    const calls = installIpc({ lock: () => lockState({ screen: 'unlock', auto_lock_minutes: null }) });
    stop = startLockWatch(() => clock);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', ctrlKey: true }));
    await expect.poll(() => lock.state?.screen).toBe('unlock');
    expect(calls.some((c) => c.cmd === 'lock')).toBe(true);
  });

  it('shows the lock screen after the auto-lock, and when a command finds Traject locked', async () => {
    let screenNow: 'open' | 'unlock' = 'open';
    installIpc({
      lock_state: () => lockState({ screen: screenNow }),
      caseload: () => Promise.reject({ code: 'locked', message: 'Traject is vergrendeld', fields: [] }),
    });
    stop = startLockWatch(() => clock);
    await new Promise((resolve) => setTimeout(resolve, 0));

    await emit(LOCKED_EVENT, lockState({ screen: 'unlock', failures: 0 }));
    await expect.poll(() => lock.state?.screen).toBe('unlock');

    showLock(lockState());
    screenNow = 'unlock';
    await expect(api.caseload({} as never)).rejects.toMatchObject({ code: 'locked' });
    await expect.poll(() => lock.state?.screen).toBe('unlock');
  });
});
