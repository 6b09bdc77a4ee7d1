import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageFromHash, pageHash, useSectionHistory } from './useSectionHistory.js';

/** Moves the browser to `hash` as Back or Forward would: the URL changes, then popstate. */
function traverseTo(hash: string) {
  history.replaceState(null, '', hash);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const beforeUnloadCancelled = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('useSectionHistory', () => {
  beforeEach(() => history.replaceState(null, '', '/'));
  afterEach(() => history.replaceState(null, '', '/'));

  it('names pages in the fragment and reads only valid ones', () => {
    expect(pageHash('nodes')).toBe('#/nodes');
    expect(pageFromHash('#/failure')).toBe('failure');
    expect(pageFromHash('#/nowhere')).toBeNull();
    expect(pageFromHash('#share=abc')).toBeNull();
    expect(pageFromHash('')).toBeNull();
  });

  it('starts on the first page and names it in the URL without a new entry', () => {
    const length = history.length;
    const { result } = renderHook(() => useSectionHistory(false));
    expect(result.current[0]).toBe('cluster');
    expect(location.hash).toBe('#/cluster');
    expect(history.length).toBe(length);
  });

  it('reopens the page the URL names (a reload)', () => {
    history.replaceState(null, '', '#/security');
    const { result } = renderHook(() => useSectionHistory(false));
    expect(result.current[0]).toBe('security');
  });

  it('an unknown page in the URL opens the first page', () => {
    history.replaceState(null, '', '#/nowhere');
    const { result } = renderHook(() => useSectionHistory(false));
    expect(result.current[0]).toBe('cluster');
    expect(location.hash).toBe('#/cluster');
  });

  it('adds a history entry per page chosen, none for the page already shown', () => {
    const { result } = renderHook(() => useSectionHistory(false));
    const length = history.length;
    act(() => result.current[1]('nodes'));
    expect(result.current[0]).toBe('nodes');
    expect(location.hash).toBe('#/nodes');
    act(() => result.current[1]('failure'));
    expect(location.hash).toBe('#/failure');
    expect(history.length).toBe(length + 2);
    act(() => result.current[1]('failure'));
    expect(history.length).toBe(length + 2);
  });

  it('Back and Forward show the page their entry names', () => {
    const { result } = renderHook(() => useSectionHistory(false));
    act(() => result.current[1]('nodes'));
    act(() => traverseTo('#/cluster'));
    expect(result.current[0]).toBe('cluster');
    act(() => traverseTo('#/upgrade'));
    expect(result.current[0]).toBe('upgrade');
    // An entry without a page (the URL a share link left behind) is the first page.
    act(() => traverseTo('/'));
    expect(result.current[0]).toBe('cluster');
  });

  it('leaves a share link in the URL alone, for the share launch to open', () => {
    history.replaceState(null, '', '#share=v1.abc');
    const { result } = renderHook(() => useSectionHistory(false));
    expect(location.hash).toBe('#share=v1.abc');
    act(() => result.current[1]('nodes'));
    act(() => traverseTo('#share=v1.def'));
    expect(result.current[0]).toBe('nodes');
  });

  it('asks before the page is left only while edits are not saved', () => {
    const { rerender, unmount } = renderHook(({ unsaved }) => useSectionHistory(unsaved), { initialProps: { unsaved: false } });
    expect(beforeUnloadCancelled()).toBe(false);
    rerender({ unsaved: true });
    expect(beforeUnloadCancelled()).toBe(true);
    rerender({ unsaved: false });
    expect(beforeUnloadCancelled()).toBe(false);
    rerender({ unsaved: true });
    unmount();
    expect(beforeUnloadCancelled()).toBe(false);
  });
});
