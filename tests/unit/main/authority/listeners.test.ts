import { describe, expect, it } from 'vitest';
import { Listeners } from '../../../../src-main/authority/Listeners';

describe('Listeners', () => {
  it('tells every listener, reports one that throws without stopping the others, and unsubscribes', () => {
    const errors: unknown[] = [];
    const listeners = new Listeners<number>((error) => errors.push(error));
    const seen: number[] = [];
    listeners.add(() => {
      throw new Error('boom');
    });
    const stop = listeners.add((value) => seen.push(value));
    listeners.emit(1);
    stop();
    listeners.emit(2);
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(2);
  });
});
