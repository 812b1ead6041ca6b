// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePublishedSinceOpen } from '../../../studio/src/publish/use-published-since-open.js';

let container: HTMLElement;
let root: Root;
let seen: ReturnType<typeof usePublishedSinceOpen>;

function Probe({ version }: { version: number | undefined }) {
  seen = usePublishedSinceOpen(version);
  return null;
}

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  root = createRoot(container);
});
afterEach(() => act(() => root.unmount()));

describe('usePublishedSinceOpen', () => {
  it('keeps the first version it sees and warns when a newer one arrives, until the page acknowledges it', () => {
    act(() => root.render(<Probe version={undefined} />));
    expect(seen.publishedSinceOpen).toBe(false);
    act(() => root.render(<Probe version={4} />));
    expect([seen.openedAt, seen.publishedSinceOpen]).toEqual([4, false]);
    act(() => root.render(<Probe version={5} />));
    expect([seen.openedAt, seen.publishedSinceOpen]).toEqual([4, true]);
    act(() => seen.acknowledge(5));
    expect([seen.openedAt, seen.publishedSinceOpen]).toEqual([5, false]);
  });
});
