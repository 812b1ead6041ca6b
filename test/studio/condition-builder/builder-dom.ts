import { act } from 'react';

/**
 * Small DOM drivers for the builder's tests, by accessible name as users (and the e2e tests) find controls.
 * Mantine runs with env="test": no transitions, dropdowns rendered in place.
 */
export function byLabel<T extends HTMLElement = HTMLElement>(label: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(`[aria-label="${label}"]`);
  if (!el) throw new Error(`nothing labelled "${label}"; labels here: ${[...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' | ')}`);
  return el;
}

export function queryLabel(label: string, root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[aria-label="${label}"]`);
}

/** The control a visible <label> names. */
export function byLabelText<T extends HTMLElement = HTMLElement>(text: string): T {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const el = label?.htmlFor ? document.getElementById(label.htmlFor) : label?.querySelector('input,textarea');
  if (!el) throw new Error(`no control labelled "${text}"`);
  return el as T;
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

/** Opens a select or multi-select by its label and chooses the option with this text. */
export async function pick(label: string, option: string): Promise<void> {
  const input = byLabel<HTMLInputElement>(label);
  await act(async () => {
    // Start from a closed dropdown whether or not the builder moved the focus here already.
    if (document.activeElement === input) input.blur();
  });
  await act(async () => {
    input.focus();
    input.click();
  });
  const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
  if (!listbox) throw new Error(`"${label}" opened no listbox`);
  const options = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
  const target = options.find((o) => o.textContent?.trim() === option);
  if (!target) throw new Error(`"${label}" has no option "${option}"; it has: ${options.map((o) => o.textContent?.trim()).join(' | ')}`);
  await click(target);
}

/** The option texts a select offers. */
export async function optionsOf(label: string): Promise<string[]> {
  const input = byLabel<HTMLInputElement>(label);
  await act(async () => {
    input.focus();
    input.click();
  });
  const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
  const texts = [...(listbox ?? document).querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.textContent?.trim() ?? '');
  await act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    input.blur();
  });
  return texts;
}

/** Types into an input or textarea as React sees typing (the native value setter, then an input event). */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The text of the error message an input is described by (Mantine links it with aria-describedby). */
export function errorOf(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
}
