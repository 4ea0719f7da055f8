import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Tabs from './Tabs.svelte';

const TABS = [
  { key: 'one', label: 'Een' },
  { key: 'two', label: 'Twee', count: 3 },
  { key: 'three', label: 'Drie', count: 0 },
];

function renderTabs(selected = 'one'): void {
  render(Tabs, {
    props: {
      tabs: TABS,
      selected,
      label: 'Onderdelen',
      idPrefix: 'x-tab-',
      testidPrefix: 'x-',
      controls: (key: string) => `x-panel-${key}`,
      class: 'no-print',
    },
  });
}

function selectedKeys(): string[] {
  return screen
    .getAllByRole('tab')
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map((t) => t.id);
}

describe('Tabs', () => {
  it('renders a labelled tablist with ids, test ids, aria-controls and a roving tabindex', () => {
    renderTabs('two');

    const list = screen.getByRole('tablist', { name: 'Onderdelen' });
    expect(list.classList.contains('tabs')).toBe(true);
    expect(list.classList.contains('no-print')).toBe(true);

    const two = screen.getByTestId('x-two');
    expect(two.id).toBe('x-tab-two');
    expect(two.getAttribute('role')).toBe('tab');
    expect(two.getAttribute('aria-controls')).toBe('x-panel-two');
    expect(two.getAttribute('aria-selected')).toBe('true');
    expect(two.classList.contains('active')).toBe(true);
    expect(two.tabIndex).toBe(0);
    expect(screen.getByTestId('x-one').tabIndex).toBe(-1);
    expect(screen.getByTestId('x-one').getAttribute('aria-selected')).toBe('false');
  });

  it('shows a count badge only on the tabs with a count, zero included', () => {
    renderTabs();

    expect(screen.getByTestId('x-one').querySelector('.count')).toBeNull();
    expect(screen.getByTestId('x-two').querySelector('.count')?.textContent).toBe('3');
    expect(screen.getByTestId('x-three').querySelector('.count')?.textContent).toBe('0');
  });

  it('selects a tab on click', async () => {
    const user = userEvent.setup();
    renderTabs();

    await user.click(screen.getByTestId('x-three'));
    expect(selectedKeys()).toEqual(['x-tab-three']);
  });

  it('moves the selection and the focus with the arrow keys, wrapping around', async () => {
    const user = userEvent.setup();
    renderTabs();

    screen.getByTestId('x-one').focus();
    await user.keyboard('{ArrowRight}');
    expect(selectedKeys()).toEqual(['x-tab-two']);
    expect(document.activeElement).toBe(screen.getByTestId('x-two'));
    expect(screen.getByTestId('x-two').tabIndex).toBe(0);

    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(selectedKeys()).toEqual(['x-tab-three']);
    expect(document.activeElement).toBe(screen.getByTestId('x-three'));

    await user.keyboard('{ArrowRight}');
    expect(selectedKeys()).toEqual(['x-tab-one']);
    expect(document.activeElement).toBe(screen.getByTestId('x-one'));

    // Other keys leave the selection alone.
    await user.keyboard('{ArrowDown}');
    expect(selectedKeys()).toEqual(['x-tab-one']);
  });
});
