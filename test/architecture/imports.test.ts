import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The import-direction table of STYLE.md: which src/ folders each folder may import.
const ALLOWED: Record<string, string[]> = {
  core: [],
  waveforms: ['core'],
  psd: ['core'],
  match: ['core'],
  flow: ['core'],
  coordinates: ['core', 'waveforms'],
  metric: ['waveforms', 'psd', 'match', 'coordinates', 'core'],
  bank: ['coordinates', 'core'],
  placement: ['metric', 'coordinates', 'bank', 'core'],
  injections: ['bank', 'match', 'waveforms', 'psd', 'coordinates', 'metric', 'core'],
  plot: ['core'],
  pipeline: ['flow', 'metric', 'placement', 'injections', 'bank', 'coordinates', 'waveforms', 'psd', 'match', 'core'],
  cli: ['core', 'waveforms', 'psd', 'match', 'coordinates', 'metric', 'flow', 'bank', 'placement', 'injections', 'plot', 'pipeline'],
};

const SRC = path.join(__dirname, '../../src');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  const out: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2]);
  return out;
}

describe('architecture', () => {
  it('every src file imports only the folders STYLE.md allows for its own folder', () => {
    const violations: string[] = [];
    for (const file of tsFiles(SRC)) {
      const parts = path.relative(SRC, file).split(path.sep);
      if (parts.length === 1) continue; // src/index.ts: the public API re-exports every folder
      const folder = parts[0];
      if (!(folder in ALLOWED)) {
        violations.push(`${path.relative(SRC, file)}: folder ${folder} is not in the import table`);
        continue;
      }
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
        if (target === folder || target === 'index.js' || target === 'index.ts') continue;
        if (!ALLOWED[folder].includes(target)) violations.push(`${path.relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only src/cli touches process, console or exits', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(SRC)) {
      const rel = path.relative(SRC, file);
      if (rel.startsWith(`cli${path.sep}`)) continue;
      const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\bconsole\.|process\.(exit|argv|stdout|stderr|on)\b/.test(code)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it('the flow library uses no gravitational-wave vocabulary', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(path.join(SRC, 'flow'))) {
      const code = fs.readFileSync(file, 'utf8');
      if (/\b(waveform|psd|chirp|spin|mass1|approximant)\b/i.test(code)) offenders.push(path.relative(SRC, file));
    }
    expect(offenders).toEqual([]);
  });

  it('tfjs is imported through src/flow/tf.ts only (tfjs-core + backends; the @tensorflow/tfjs umbrella is not installed)', () => {
    const offenders: string[] = [];
    const adapters = ['flow/tf.ts', 'flow/backend.ts'].map((f) => path.join(SRC, f));
    for (const dir of ['../../src', '../../test', '../../bench']) {
      for (const file of tsFiles(path.join(__dirname, dir))) {
        if (adapters.includes(file)) continue;
        if (importsOf(file).some((spec) => /^@tensorflow\/tfjs(-core|-backend-cpu)?$/.test(spec))) offenders.push(path.relative(SRC, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
