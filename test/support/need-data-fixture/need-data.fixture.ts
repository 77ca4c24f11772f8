// Tests whose data is missing (and one whose data is there), for test/need-data.test.ts.
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithData, haveData, itWithData, type Need } from '../need-data';

const MISSING: Need = { what: 'the fixture corpus', path: path.join(__dirname, 'no-such-folder'), howToGet: 'run fetch-fixture-corpus' };
const THERE: Need = { what: 'this folder', path: __dirname, howToGet: 'nothing' };

describeWithData(MISSING, 'a suite on missing data', () => {
  it('never runs', () => expect.unreachable());
});

itWithData(MISSING, 'a test on missing data', () => expect.unreachable());

itWithData(THERE, 'a test whose data is there runs', () => expect(1).toBe(1));

it('a case list leaves out what needs missing data', () => {
  const cases = ['always'];
  if (haveData(MISSING)) cases.push('needs data');
  expect(cases).toEqual(['always']);
});
