import { describe, expect, it } from 'vitest';
import { actionForKey, ariaKeyShortcuts, hasOwnUndo, historyActionForInput } from './keymap.js';
import { defineSiteAction } from './action.js';
import { redo, undo } from './historyActions.js';
import { ACTIONS } from './registry.js';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; code: string }> = {},
) => ({
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

  it('has unique action ids and no shortcut bound twice', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = ACTIONS.flatMap((a) => (a.shortcuts ?? []).map((s) => s.toLowerCase()));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('runs a site action that declares a shortcut', () => {
    const sortNodes = defineSiteAction<void>({
      id: 'nodes.sortByName',
      label: () => 'Sort nodes by name',
      perform: (site) => ({ ...site, nodes: [...site.nodes].sort((a, b) => a.name.localeCompare(b.name)) }),
      shortcuts: ['Mod+Alt+S'],
    });
    expect(actionForKey(press('s', { ctrlKey: true, altKey: true }), [...ACTIONS, sortNodes])).toBe(sortNodes);
    expect(ariaKeyShortcuts(sortNodes)).toBe('Control+Alt+S');
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

  it('finds the shortcut by its physical key on a layout without Latin letters, not on one with them', () => {
    expect(actionForKey(press('я', { ctrlKey: true, code: 'KeyZ' }))).toBe(undo);
    expect(actionForKey(press('Я', { ctrlKey: true, shiftKey: true, code: 'KeyZ' }))).toBe(redo);
    // AZERTY: the key labelled W is where US has Z; Ctrl+W there is not undo.
    expect(actionForKey(press('w', { ctrlKey: true, code: 'KeyZ' }))).toBeUndefined();
    expect(actionForKey(press('z', { ctrlKey: true, code: 'KeyW' }))).toBe(undo);
  });

  it("names the history action behind the browser's own undo and redo", () => {
    expect(historyActionForInput('historyUndo')).toBe(undo);
    expect(historyActionForInput('historyRedo')).toBe(redo);
    expect(historyActionForInput('insertText')).toBeUndefined();
  });
});
