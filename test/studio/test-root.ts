import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh React root in a fresh container for each test of a happy-dom file, unmounted after it; with what Mantine
 * needs of the DOM (its autosizing textarea listens to `document.fonts`, which happy-dom lacks). Read `container`
 * and `root` inside tests: they change per test.
 */
export function useTestRoot(): { readonly container: HTMLElement; readonly root: Root } {
  const current = {} as { container: HTMLElement; root: Root };
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
    current.container = document.createElement('div');
    document.body.append(current.container);
    current.root = createRoot(current.container);
  });
  afterEach(() => {
    act(() => current.root.unmount());
    current.container.remove();
  });
  return current;
}
