// Keyboard and jump-to focus within the intake page.

const FIELDS = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Focuses a question's input (for radio groups the chosen option, else the first). */
export function focusQuestion(wrapper: Element | null): boolean {
  if (!wrapper) return false;
  const target =
    wrapper.querySelector<HTMLElement>('input[type="radio"]:checked') ??
    wrapper.querySelector<HTMLElement>(FIELDS) ??
    wrapper.querySelector<HTMLElement>('button');
  if (!target) return false;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}

/** Enter in a single-line input: on to the next question that takes input, else "Volgende". */
export function focusNextQuestion(from: HTMLElement): void {
  const page = from.closest('[data-intake-page]');
  if (!page) return;
  const current = from.closest('[data-question]');
  const all = Array.from(page.querySelectorAll('[data-question]')).filter((w) => w.querySelector(FIELDS));
  const index = current ? all.indexOf(current) : -1;
  for (const next of all.slice(index + 1)) {
    if (focusQuestion(next)) return;
  }
  document.querySelector<HTMLElement>('[data-testid="intake-next"]:not([disabled])')?.focus();
}
