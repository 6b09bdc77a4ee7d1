import { createSite } from '@rke2-edge/provider-core';
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteStore } from '../state/siteStore.js';
import { useShortcuts } from './useShortcuts.js';

/** A store where a word was typed into the site name (one coalesced step), then a checkbox ticked. */
function storeWithTwoSteps() {
  let now = 0;
  const store = new SiteStore(() => now);
  store.open(createSite({ name: '' }));
  for (const name of ['e', 'ed', 'edg', 'edge']) {
    now += 200;
    store.edit('Edit name', (s) => ({ ...s, name }), { coalesceKey: 'name' });
  }
  store.edit('Edit FIPS', (s) => ({ ...s, description: 'ticked' }), { coalesceKey: 'fips' });
  return store;
}

const element = (html: string) => {
  document.body.insertAdjacentHTML('beforeend', html);
  return document.body.lastElementChild as HTMLElement;
};

const ctrlZ = (target: HTMLElement, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

const browserUndo = (target: HTMLElement) => {
  const event = new InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

describe('useShortcuts', () => {
  let store: SiteStore;
  beforeEach(() => {
    store = storeWithTwoSteps();
    renderHook(() => useShortcuts(store));
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const name = () => store.getState().site?.name;
  const description = () => store.getState().site?.description;

  it("Ctrl+Z on a checkbox is the site's Undo, a step at a time: the tick, then the whole word", () => {
    const checkbox = element('<input type="checkbox">');
    checkbox.focus();
    expect(ctrlZ(checkbox).defaultPrevented).toBe(true);
    expect([name(), description()]).toEqual(['edge', '']);
    ctrlZ(checkbox);
    expect(name()).toBe('');
  });

  it("Ctrl+Z in a text field is the field's own undo", () => {
    const field = element('<input type="text">');
    field.focus();
    expect(ctrlZ(field).defaultPrevented).toBe(false);
    expect(description()).toBe('ticked');
  });

  it("Ctrl+Z on the physical Z key of a Cyrillic layout is the site's Undo", () => {
    const checkbox = element('<input type="checkbox">');
    checkbox.focus();
    ctrlZ(checkbox, { key: 'я', code: 'KeyZ' });
    expect(description()).toBe('');
  });

  it("the browser's undo of a field the user is not in becomes the site's Undo", () => {
    const typedEarlier = element('<input type="text">');
    element('<input type="checkbox">').focus();
    expect(browserUndo(typedEarlier).defaultPrevented).toBe(true);
    expect([name(), description()]).toEqual(['edge', '']);
  });

  it("the browser's undo in the field being typed in is left to the field", () => {
    const field = element('<input type="text">');
    field.focus();
    expect(browserUndo(field).defaultPrevented).toBe(false);
    expect(description()).toBe('ticked');
  });
});
