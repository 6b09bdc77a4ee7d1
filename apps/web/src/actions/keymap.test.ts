import { describe, expect, it } from 'vitest';
import { actionForKey, ariaKeyShortcuts, hasOwnUndo } from './keymap.js';
import { redo, undo } from './historyActions.js';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keymap', () => {
  it('maps the shortcuts the actions declare', () => {
    expect(actionForKey(press('z', { ctrlKey: true }))).toBe(undo);
    expect(actionForKey(press('z', { metaKey: true }))).toBe(undo);
    expect(actionForKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe(redo);
    expect(actionForKey(press('y', { ctrlKey: true }))).toBe(redo);
    expect(actionForKey(press('z'))).toBeUndefined();
    expect(actionForKey(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it('spells them for aria-keyshortcuts', () => {
    expect(ariaKeyShortcuts(redo)).toBe('Control+Shift+Z Control+Y');
  });

  it('leaves Ctrl+Z to text fields but not to checkboxes', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect(hasOwnUndo(input('text'))).toBe(true);
    expect(hasOwnUndo(document.createElement('textarea'))).toBe(true);
    expect(hasOwnUndo(input('checkbox'))).toBe(false);
    expect(hasOwnUndo(document.createElement('select'))).toBe(false);
    expect(hasOwnUndo(document.createElement('button'))).toBe(false);
  });
});
