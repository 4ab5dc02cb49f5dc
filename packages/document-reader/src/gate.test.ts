import { describe, expect, it } from 'vitest';
import { Gate } from './gate.js';

describe('Gate', () => {
  it('admits up to its slot count and then serves waiters first in, first out', async () => {
    const gate = new Gate(2);
    const order: string[] = [];
    const a = await gate.acquire();
    const b = await gate.acquire();
    const c = gate.acquire().then((r) => (order.push('c'), r));
    const d = gate.acquire().then((r) => (order.push('d'), r));
    expect(gate.demand).toBe(4);
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    b();
    const rc = await c;
    a();
    const rd = await d;
    expect(order).toEqual(['c', 'd']);
    rc();
    rc(); // releasing twice frees one slot only
    rd();
    expect(gate.demand).toBe(0);
  });

  it('drops a waiter whose signal aborts, without taking a slot', async () => {
    const gate = new Gate(1);
    const held = await gate.acquire();
    const ctl = new AbortController();
    const waiting = gate.acquire(ctl.signal);
    ctl.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(gate.demand).toBe(1);
    held();
    const next = await gate.acquire();
    expect(gate.demand).toBe(1);
    next();
  });
});
