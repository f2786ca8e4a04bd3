import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('placement import direction', () => {
  it('src/placement imports only metric, coordinates, bank, core and itself (never flow)', () => {
    const dir = join(__dirname, '../../src/placement');
    const allowed = /^(\.\/|\.\.\/(metric|coordinates|bank|core)\/)/;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) expect(allowed.test(m[1]), `${f} imports ${m[1]}`).toBe(true);
    }
  });
});
