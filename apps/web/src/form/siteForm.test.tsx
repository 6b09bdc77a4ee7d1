import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Observable } from '../state/observable.js';
import { TextField } from './fields.js';
import { binder, SiteForm, type FormSource } from './siteForm.js';

const Schema = z.object({ host: z.string().regex(/^[a-z.]*$/, 'Lower-case letters and dots only.') });
type Value = z.output<typeof Schema>;

/** A tiny store with undo, standing in for SiteStore: the form must follow it without remounting. */
class ValueStore extends Observable<{ value: Value; past: Value[] }> {
  commits = 0;
  commit(value: Value) {
    this.commits++;
    this.set({ value, past: [...this.getState().past, this.getState().value] });
  }
  undo() {
    const { value, past } = this.getState();
    this.set({ value: past.at(-1) ?? value, past: past.slice(0, -1) });
  }
}

function Harness({ store }: { store: ValueStore }) {
  const { value } = useSyncExternalStore(store.subscribe, store.getState);
  const source = useMemo<FormSource<Value>>(
    () => ({ value, schema: Schema, sitePath: [], commit: (v) => store.commit(v) }),
    [value, store],
  );
  return (
    <SiteForm source={source}>
      <TextField field={binder<Value>()('host')} label="Host" />
    </SiteForm>
  );
}

afterEach(cleanup);

describe('SiteForm', () => {
  it('commits each valid keystroke, keeps invalid text with its message, and follows undo in the same focused input', async () => {
    const store = new ValueStore({ value: { host: 'a' }, past: [] });
    render(<Harness store={store} />);
    const input = screen.getByRole('textbox', { name: 'Host' });
    await userEvent.type(input, '.b');
    expect(store.getState().value.host).toBe('a.b');
    expect(store.commits).toBe(2);

    await userEvent.type(input, 'X');
    expect(input).toHaveProperty('value', 'a.bX');
    expect(store.getState().value.host).toBe('a.b');
    expect(screen.getByText('Lower-case letters and dots only.')).toBeTruthy();

    act(() => store.undo());
    const after = screen.getByRole('textbox', { name: 'Host' });
    expect(after).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(input).toHaveProperty('value', 'a.');
    expect(screen.queryByText('Lower-case letters and dots only.')).toBeNull();
  });
});
