import { describe, expect, it } from 'vitest';
import { linkifySource } from './sources';

describe('source links', () => {
  it('links journal references and keeps the rest as text', () => {
    const parts = linkifySource('seeds 000/004, NIMA 866 (2017) 196; PRL 123 121801 criterion (ii)');
    expect(parts.map((p) => p.text).join('')).toBe('seeds 000/004, NIMA 866 (2017) 196; PRL 123 121801 criterion (ii)');
    const links = parts.filter((p) => p.href);
    expect(links.map((l) => l.href)).toEqual([
      'https://inspirehep.net/search?p=j%20Nucl.Instrum.Meth.A%2C866%2C196',
      'https://doi.org/10.1103/PhysRevLett.123.121801',
    ]);
  });
  it('leaves citations without a journal reference as text', () => {
    expect(linkifySource('seed 004 (timing)')).toEqual([{ text: 'seed 004 (timing)' }]);
  });
});
