import type { HistoryAction } from './action.js';

export const undo: HistoryAction = { kind: 'history', id: 'undo', label: 'Undo', shortcuts: ['Mod+Z'] };
export const redo: HistoryAction = { kind: 'history', id: 'redo', label: 'Redo', shortcuts: ['Mod+Shift+Z', 'Mod+Y'] };
