import { describe, expect, it } from 'vitest';
import { columnReader, describeTerm, type EncoderSpec, encode, fitEncoder } from './encoder.js';
import type { FeatureValues } from './examples.js';

const leads = (values: FeatureValues[]) => values.map((v) => ({ values: v }));
const terms = (spec: EncoderSpec) => Array.from({ length: spec.dims }, (_, c) => describeTerm(spec, c));

describe('fitEncoder: the type of each feature comes from its training values', () => {
  it('reads numbers and numeric strings as numbers, yes/no words as yes/no, anything else as a category', () => {
    const spec = fitEncoder(
      leads([
        { visits: 1, employees: '12', trial: true, demo: '是', region: 'CN-31', budget: 'yes' },
        { visits: 4, employees: ' 3.5 ', trial: false, demo: '否', region: 12, budget: 'N' },
        { visits: 9, employees: '', trial: null, demo: 'Y', region: 'CN-11', budget: 'maybe' },
      ]),
      { minLevelCount: 1 },
    );
    const types = Object.fromEntries(spec.features.map((f) => [f.feature, f.type]));
    expect(types).toEqual({
      budget: 'categorical',
      demo: 'yesno',
      employees: 'numeric',
      region: 'categorical',
      trial: 'yesno',
      visits: 'numeric',
    });
  });
});

describe('categories', () => {
  const values: FeatureValues[] = [
    ...Array.from({ length: 12 }, () => ({ channel: 'web' })),
    ...Array.from({ length: 10 }, () => ({ channel: 'event' })),
    ...Array.from({ length: 3 }, () => ({ channel: 'fax' })),
    { channel: 'telex' },
    { channel: '' },
  ];
  const spec = fitEncoder(leads(values));

  it('get one column per level seen at least minLevelCount times, then other, then missing', () => {
    expect(terms(spec)).toEqual([
      { feature: 'channel', kind: 'level', level: 'web' },
      { feature: 'channel', kind: 'level', level: 'event' },
      { feature: 'channel', kind: 'other' },
      { feature: 'channel', kind: 'missing' },
    ]);
  });

  it('send rare, unseen and missing values to other / missing', () => {
    const channel = columnReader(spec.features[0]);
    expect(['event', 'fax', 'carrier pigeon', null, undefined, '  '].map((v) => channel.column(v))).toEqual([
      1, 2, 2, 3, 3, 3,
    ]);
  });

  it('keep only the 40 most frequent levels', () => {
    const many = leads(Array.from({ length: 50 * 20 }, (_, i) => ({ city: `city-${i % 50}` })));
    const encoded = fitEncoder(many, { minLevelCount: 1 });
    expect(encoded.dims).toBe(42);
  });

  it('with only rare levels (an id), carry no signal and are dropped', () => {
    const ids = leads(Array.from({ length: 100 }, (_, i) => ({ id: `lead-${i}`, channel: i % 2 ? 'a' : 'b' })));
    expect(fitEncoder(ids, { minLevelCount: 5 }).features.map((f) => f.feature)).toEqual(['channel']);
  });
});

describe('numbers', () => {
  it('go into de-duplicated quantile bins (behaviour counts are mostly 0), plus a missing column', () => {
    const counts = [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 6, 8, null];
    const spec = fitEncoder(leads(counts.map((visits) => ({ visits }))));
    expect(terms(spec)).toEqual([
      { feature: 'visits', kind: 'bin', low: null, high: 0 },
      { feature: 'visits', kind: 'bin', low: 0, high: 1 },
      { feature: 'visits', kind: 'bin', low: 1, high: 4 },
      { feature: 'visits', kind: 'bin', low: 4, high: null },
      { feature: 'visits', kind: 'missing' },
    ]);
    const visits = columnReader(spec.features[0]);
    expect([0, 1, 2, 2.5, 4, 100, '7', 'n/a', null].map((v) => visits.column(v))).toEqual([0, 1, 2, 2, 2, 3, 3, 4, 4]);
  });

  it('that never vary and are never missing are dropped', () => {
    expect(fitEncoder(leads([{ n: 3 }, { n: 3 }, { n: '3' }])).features).toEqual([]);
  });
});

describe('yes/no', () => {
  it('get a yes column and a missing column; no has none', () => {
    const spec = fitEncoder(leads([{ trial: true }, { trial: 'no' }, { trial: undefined }]));
    expect(terms(spec)).toEqual([
      { feature: 'trial', kind: 'yes' },
      { feature: 'trial', kind: 'missing' },
    ]);
    expect(encode(spec, { trial: 'YES' }).indices).toEqual([0]);
    expect(encode(spec, { trial: false }).indices).toEqual([]);
    expect(encode(spec, {}).indices).toEqual([1]);
  });
});

describe('encode', () => {
  it('switches on one column per feature, and works the same from the stored (JSON) spec', () => {
    const spec = fitEncoder(
      leads([
        { channel: 'web', visits: 0 },
        { channel: 'event', visits: 5 },
        { channel: 'web', visits: 2, extra: 'x' },
      ]),
      { minLevelCount: 1, exclude: ['extra'] },
    );
    expect(spec.features.map((f) => f.feature)).toEqual(['channel', 'visits']);
    const stored: EncoderSpec = JSON.parse(JSON.stringify(spec));
    const lead = { channel: 'event', visits: 3, extra: 'ignored' };
    expect(encode(stored, lead)).toEqual(encode(spec, lead));
    expect(encode(spec, lead).indices.map((c) => describeTerm(spec, c))).toEqual([
      { feature: 'channel', kind: 'level', level: 'event' },
      { feature: 'visits', kind: 'bin', low: 2, high: null },
    ]);
  });

  it('describeTerm refuses a column the encoder does not have', () => {
    const spec = fitEncoder(leads([{ a: 'x' }, { a: 'y' }]), { minLevelCount: 1 });
    expect(() => describeTerm(spec, spec.dims)).toThrow(RangeError);
  });
});
