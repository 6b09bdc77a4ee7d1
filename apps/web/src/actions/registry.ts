/** Every action, by id: what the menus, buttons and the keymap are derived from. */
import type { AnyAction } from './action.js';
import { redo, undo } from './historyActions.js';
import { addNode, addWorkers, duplicateNode, removeNode, setNodeRole, updateNode } from './nodeActions.js';
import { editSettings } from './settingsActions.js';

export const ACTIONS: readonly AnyAction[] = [
  undo,
  redo,
  addNode,
  addWorkers,
  duplicateNode,
  removeNode,
  setNodeRole,
  updateNode,
  editSettings,
];

export const actionById = (id: string): AnyAction | undefined => ACTIONS.find((a) => a.id === id);
