import { describe, expect, it } from 'vitest';
import { installOrder } from './installOrder.js';

const n = (name: string, role: 'init' | 'controlplane' | 'worker') => ({ name, role });

describe('installOrder', () => {
  it('puts the init node first, the other servers one at a time, then the workers together', () => {
    const order = installOrder([
      n('w-1', 'worker'),
      n('cp-2', 'controlplane'),
      n('cp-1', 'init'),
      n('cp-3', 'controlplane'),
      n('w-2', 'worker'),
    ]);
    expect(order).toEqual([
      { index: 2, step: 1, waitFor: [], together: false },
      { index: 1, step: 2, waitFor: ['cp-1'], together: false },
      { index: 3, step: 3, waitFor: ['cp-2'], together: false },
      { index: 0, step: 4, waitFor: ['cp-1', 'cp-2', 'cp-3'], together: true },
      { index: 4, step: 4, waitFor: ['cp-1', 'cp-2', 'cp-3'], together: true },
    ]);
  });

  it('a single node waits for nothing; a lone worker is not "together"', () => {
    expect(installOrder([n('one', 'init')])).toEqual([{ index: 0, step: 1, waitFor: [], together: false }]);
    expect(installOrder([n('a', 'init'), n('b', 'worker')])[1]).toEqual({ index: 1, step: 2, waitFor: ['a'], together: false });
  });
});
