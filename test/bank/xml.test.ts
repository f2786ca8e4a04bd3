import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/bank/bank.js';
import { columnKey, formatLigolwDocument, parseLigolwDocument, tableRecords, tokenizeStream } from '../../src/bank/ligolw.js';
import { bankFromLigolw, readBankXml, SNGL_INSPIRAL_COLUMNS, writeBankXml } from '../../src/bank/xml.js';
import { alignedBank, precessingBank, tempDir } from './helpers.js';

const f32 = (a: ArrayLike<number>) => Array.from(a, Math.fround);

describe('LIGO_LW XML bank', () => {
  it('round-trips masses, spins, inclination and phase to float32 (the real_4 schema) and keeps the metadata', () => {
    const path = join(tempDir(), 'bank.xml');
    const bank = precessingBank(30);
    expect(writeBankXml(path, bank)).toEqual([]);
    const back = readBankXml(path);
    expect(back.size).toBe(30);
    for (const name of ['mass1', 'mass2', 'spin1x', 'spin1y', 'spin1z', 'spin2x', 'spin2y', 'spin2z', 'inclination', 'phiRef'] as const) {
      expect(Array.from(back.templates[name]!), name).toEqual(f32(bank.templates[name]!));
    }
    expect(back.metadata).toEqual(bank.metadata);
  });

  it('gzips when the name ends in .gz and reads the gzipped file back', () => {
    const path = join(tempDir(), 'bank.xml.gz');
    const bank = alignedBank(10);
    writeBankXml(path, bank);
    const bytes = readFileSync(path);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).toString('utf8')).toContain('<Table Name="sngl_inspiral:table">');
    const back = readBankXml(path);
    expect(Array.from(back.templates.mass2)).toEqual(f32(bank.templates.mass2));
    expect(back.templates.inclination).toBeUndefined();
  });

  it('writes every sngl_inspiral column with the values mbank sets: mchirp, eta, chi, mtotal, f_final, ids', () => {
    const path = join(tempDir(), 'cols.xml');
    const bank = alignedBank(6);
    writeBankXml(path, bank);
    const tables = parseLigolwDocument(readFileSync(path, 'utf8'));
    expect(tables.map((t) => t.name)).toEqual(['process', 'process_params', 'sngl_inspiral']);
    const sngl = tables[2];
    expect(sngl.columns).toEqual(SNGL_INSPIRAL_COLUMNS);
    expect(sngl.columns.length).toBe(64);
    expect(tableRecords(tables[0])[0].program).toBe('mbank-ts');
    tableRecords(sngl).forEach((r, i) => {
      const m1 = bank.templates.mass1[i]; const m2 = bank.templates.mass2[i]; const M = m1 + m2;
      expect(r.mchirp).toBe(Math.fround(Math.pow(m1 * m2, 3 / 5) / Math.pow(M, 1 / 5)));
      expect(r.eta).toBe(Math.fround((m1 * m2) / (M * M)));
      expect(r.mtotal).toBe(Math.fround(M));
      expect(r.chi).toBe(Math.fround((m1 * bank.templates.spin1z[i] + m2 * bank.templates.spin2z[i]) / M));
      expect(r.f_final).toBe(1024);
      expect(r.alpha6).toBe(15);
      expect(r.event_id).toBe(i);
      expect(r.Gamma0).toBe(i);
      expect(r.process_id).toBe(0);
      expect(r.ifo).toBe('H1');
      expect(r.snr).toBe(0);
      expect(r.search).toBe('');
      expect(r.template_duration as number).toBeGreaterThan(0);
    });
  });

  it('reads the legacy format with table-prefixed column names and ilwd:char ids', () => {
    const xml = `<?xml version='1.0' encoding='utf-8'?>
<LIGO_LW>
  <Table Name="sngl_inspiral:table">
    <Column Name="sngl_inspiral:process_id" Type="ilwd:char"/>
    <Column Name="sngl_inspiral:ifo" Type="lstring"/>
    <Column Name="sngl_inspiral:mass1" Type="real_4"/>
    <Column Name="sngl_inspiral:mass2" Type="real_4"/>
    <Column Name="sngl_inspiral:spin1z" Type="real_4"/>
    <Column Name="sngl_inspiral:event_id" Type="ilwd:char"/>
    <Stream Name="sngl_inspiral:table" Type="Local" Delimiter=",">
      "process:process_id:0","L1",10.5,3.25,0.5,"sngl_inspiral:event_id:0",
      "process:process_id:0","L1",20,5,-0.75,"sngl_inspiral:event_id:1"
    </Stream>
  </Table>
</LIGO_LW>`;
    const bank = bankFromLigolw(xml);
    expect(Array.from(bank.templates.mass1)).toEqual([10.5, 20]);
    expect(Array.from(bank.templates.spin1z)).toEqual([0.5, -0.75]);
    expect(Array.from(bank.templates.spin2z)).toEqual([0, 0]);
    expect(tableRecords(parseLigolwDocument(xml)[0])[1].event_id).toBe(1);
    expect(bank.metadata.ifo).toBe('L1');
  });

  it('tokenizes quoted strings with delimiters and escapes, and empty tokens as null', () => {
    const toks = tokenizeStream(' "a,b","say \\"hi\\"", ,3.5,\n "x\\\\y"', ',');
    expect(toks).toEqual([{ text: 'a,b', quoted: true }, { text: 'say "hi"', quoted: true }, null, { text: '3.5', quoted: false }, { text: 'x\\y', quoted: true }]);
    expect(columnKey('process:process_id')).toBe('process_id');
    const doc = formatLigolwDocument([{ name: 't', columns: [{ name: 's', type: 'lstring' }, { name: 'x', type: 'real_8' }], rows: [['<a&"b">', 0.1], [null, NaN]] }]);
    const back = parseLigolwDocument(doc)[0].rows;
    expect(back[0]).toEqual(['<a&"b">', 0.1]);
    expect(back[1][0]).toBeNull();
    expect(back[1][1]).toBeNaN();
  });

  it('carries eccentricity in psi0 and mean anomaly in psi3 (float32) and reads them back', () => {
    const bank = new Bank({ templates: { mass1: [10, 30], mass2: [5, 20], eccentricity: [0.1, 0.35], meanAnomaly: [0, 2] } });
    const path = join(tempDir(), 'e.xml');
    expect(writeBankXml(path, bank)).toEqual([]);
    const sngl = parseLigolwDocument(readFileSync(path, 'utf8')).find((tb) => tb.name.endsWith('sngl_inspiral'))!;
    expect(tableRecords(sngl).map((r) => [r.psi0, r.psi3])).toEqual([[Math.fround(0.1), 0], [Math.fround(0.35), 2]]);
    const back = readBankXml(path);
    expect(Array.from(back.templates.eccentricity!)).toEqual([Math.fround(0.1), Math.fround(0.35)]);
    expect(Array.from(back.templates.meanAnomaly!)).toEqual([0, 2]);
  });

  it('rejects a document without sngl_inspiral and a file that is not LIGO_LW', () => {
    expect(() => bankFromLigolw('<LIGO_LW><Table Name="process:table"></Table></LIGO_LW>', 'p.xml')).toThrow(/sngl_inspiral/);
    expect(() => bankFromLigolw('<html></html>', 'p.xml')).toThrow(/LIGO_LW/);
  });
});
