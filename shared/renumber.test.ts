// Line codes: styles, recognising a group's style, renumbering (examples and properties).
import fc from 'fast-check';
import {
  codeFor,
  detectLevels,
  groupStyle,
  NUMBER_STYLES,
  NUMBERING_PRESETS,
  renumber,
  toRoman,
  type NumberingLevels,
  type NumberingTree,
  type NumberStyle,
} from './renumber';

/** A small mutable tree of coded lines for tests. */
class Tree implements NumberingTree {
  kids = new Map<number | null, number[]>();
  codes = new Map<number, string>();
  parent = new Map<number, number | null>();
  /** parents[i] = index of line i's parent (< i) or -1; lines get ids 1..n. */
  static from(parents: number[], code: (i: number) => string = () => ''): Tree {
    const t = new Tree();
    parents.forEach((p, i) => t.add(i + 1, p < 0 ? null : p + 1, code(i)));
    return t;
  }
  add(id: number, parent: number | null, code = '', index?: number): void {
    const list = this.kids.get(parent) ?? [];
    list.splice(index ?? list.length, 0, id);
    this.kids.set(parent, list);
    this.codes.set(id, code);
    this.parent.set(id, parent);
  }
  remove(id: number): void {
    const list = this.kids.get(this.parent.get(id)!)!;
    list.splice(list.indexOf(id), 1);
  }
  children(p: number | null): readonly number[] {
    return this.kids.get(p) ?? [];
  }
  code(id: number): string {
    return this.codes.get(id) ?? '';
  }
  depth(p: number | null): number {
    let d = 0;
    for (let q = p; q !== null; q = this.parent.get(q)!) d++;
    return d;
  }
  apply(changes: Map<number, string>): void {
    for (const [id, c] of changes) this.codes.set(id, c);
  }
  all(): number[] {
    return [...this.codes.keys()];
  }
}

const renumberAll = (t: Tree, levels: NumberingLevels) => renumber(t, [null], (p) => t.depth(p), { levels, mode: 'scheme' });
const autoAt = (t: Tree, parents: (number | null)[], levels: NumberingLevels = ['path'], fresh = new Set<number>()) =>
  renumber(t, parents, (p) => t.depth(p), { levels, mode: 'auto', fresh });

const treeArb = fc
  .array(fc.nat(), { minLength: 1, maxLength: 40 })
  .map((xs) => xs.map((x, i) => (i === 0 ? -1 : (x % (i + 1)) - 1)));
const levelsArb = fc.array(fc.constantFrom(...NUMBER_STYLES.filter((s) => s !== 'none')), { minLength: 1, maxLength: 5 });

describe('codes per style', () => {
  it('numbers the way Vietnamese plans do', () => {
    expect([0, 1, 3, 8, 39].map((i) => codeFor('roman', i, ''))).toEqual(['I', 'II', 'IV', 'IX', 'XL']);
    expect([0, 3, 4, 5, 6, 22, 23].map((i) => codeFor('alpha', i, ''))).toEqual(['a', 'd', 'đ', 'e', 'g', 'y', 'aa']);
    expect([4, 5].map((i) => codeFor('latin', i, ''))).toEqual(['e', 'f']);
    expect(codeFor('alphaUpper', 4, '')).toBe('Đ');
    expect(codeFor('path', 1, '3.1')).toBe('3.1.2');
    expect(codeFor('path', 1, 'II')).toBe('2');
    expect(codeFor('path', 0, '')).toBe('1');
    expect(toRoman(1994)).toBe('MCMXCIV');
  });
  it('gives distinct codes to distinct positions in every numbered style', () => {
    for (const s of ['path', 'arabic', 'roman', 'alpha', 'latin', 'alphaUpper'] as NumberStyle[]) {
      const codes = Array.from({ length: 600 }, (_, i) => codeFor(s, i, '2'));
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe('groupStyle', () => {
  it('recognises the style siblings follow, with blank codes fitting any', () => {
    expect(groupStyle(['1.1', '', '1.2'], '1')).toBe('path');
    expect(groupStyle(['1', '2'], '3')).toBe('arabic');
    expect(groupStyle(['I', 'II', ''], '')).toBe('roman');
    expect(groupStyle(['a', 'b', 'c', 'd', 'đ'], '1.1')).toBe('alpha');
    expect(groupStyle(['a', 'b', 'c', 'd', 'e'], '1.1')).toBe('latin');
    expect(groupStyle(['-', '-'], '2.1')).toBe('dash');
    expect(groupStyle(['', ''], '2')).toBe('empty');
  });
  it('reports hand-made codes as following no style', () => {
    expect(groupStyle(['1.1', 'Dự án A'], '1')).toBeNull();
    expect(groupStyle(['2.1', '7.1'], '2')).toBeNull();
  });
});

describe('renumber', () => {
  it('numbers a whole plan by a scheme (I / 1 / a / -)', () => {
    const t = Tree.from([-1, 0, 1, 1, 2, -1, 5], () => 'x');
    t.apply(renumberAll(t, NUMBERING_PRESETS.roman));
    expect([1, 2, 3, 5, 4, 6, 7].map((id) => t.code(id))).toEqual(['I', '1', 'a', '-', 'b', 'II', '1']);
  });

  it('after an insert, renumbers the group and follows changed codes down the tree', () => {
    // 1 { 1.1 { 1.1.1 }, 1.2 { 1.2.1 } }, then a blank line inserted first under 1.
    const t = Tree.from([-1, 0, 1, 0, 3], (i) => ['1', '1.1', '1.1.1', '1.2', '1.2.1'][i]);
    t.add(9, 1, '', 0);
    const ch = autoAt(t, [1]);
    t.apply(ch);
    expect([9, 2, 3, 4, 5].map((id) => t.code(id))).toEqual(['1.1', '1.2', '1.2.1', '1.3', '1.3.1']);
  });

  it('leaves hand-made groups alone in auto mode, and numbers a new group by the levels', () => {
    const t = Tree.from([-1, 0, 0], (i) => ['A', 'Xã Quảng Sơn', 'Xã Đắk Ha'][i]);
    t.add(9, 1, '', 1);
    expect(autoAt(t, [1]).size).toBe(0);
    t.add(10, 2, '');
    t.add(11, 2, '');
    expect([...autoAt(t, [2], NUMBERING_PRESETS.roman)]).toEqual([[10, 'a'], [11, 'b']]);
  });

  it('is stable: a numbered plan is left as it is, by a second scheme run and by auto runs', () => {
    fc.assert(
      fc.property(treeArb, levelsArb, (parents, levels) => {
        const t = Tree.from(parents);
        t.apply(renumberAll(t, levels));
        expect(renumberAll(t, levels).size).toBe(0);
        expect(autoAt(t, [null, ...t.all()], levels).size).toBe(0);
      }),
    );
  });

  it('gives every line a unique code that extends its parent\'s in the decimal scheme', () => {
    fc.assert(
      fc.property(treeArb, (parents) => {
        const t = Tree.from(parents, () => '?');
        t.apply(renumberAll(t, ['path']));
        const codes = t.all().map((id) => t.code(id));
        expect(new Set(codes).size).toBe(codes.length);
        for (const id of t.all()) {
          const p = t.parent.get(id)!;
          const i = t.children(p).indexOf(id);
          expect(t.code(id)).toBe(p === null ? String(i + 1) : `${t.code(p)}.${i + 1}`);
        }
      }),
    );
  });

  it('auto-renumbering the groups an insert, delete or move touched equals renumbering everything', () => {
    const op = fc.record({ kind: fc.constantFrom('insert', 'delete', 'move'), a: fc.nat(), b: fc.nat(), at: fc.nat() });
    fc.assert(
      fc.property(treeArb, fc.array(op, { minLength: 1, maxLength: 5 }), levelsArb, (parents, ops, levels) => {
        const t = Tree.from(parents);
        t.apply(renumberAll(t, levels));
        let nextId = 1000;
        for (const o of ops) {
          const ids = t.all().filter((id) => t.parent.has(id) && isAttached(t, id));
          const touched: (number | null)[] = [];
          const fresh = new Set<number>();
          if (o.kind === 'insert' || ids.length < 2) {
            const parent = ids.length && o.a % 3 ? ids[o.a % ids.length] : null;
            const at = o.at % (t.children(parent).length + 1);
            t.add(nextId++, parent, '', at);
            touched.push(parent);
          } else {
            const id = ids[o.a % ids.length];
            const from = t.parent.get(id)!;
            t.remove(id);
            touched.push(from);
            if (o.kind === 'move') {
              const targets = ids.filter((x) => x !== id && !isUnder(t, x, id));
              const parent = targets.length && o.b % 3 ? targets[o.b % targets.length] : null;
              t.add(id, parent, t.code(id), o.at % (t.children(parent).length + 1));
              touched.push(parent);
              if (parent !== from) fresh.add(id);
            } else {
              t.parent.delete(id);
            }
          }
          t.apply(autoAt(t, touched, levels, fresh));
          const expected = new Tree();
          expected.kids = t.kids;
          expected.parent = t.parent;
          expected.codes = new Map(t.codes);
          expected.apply(renumberAll(expected, levels));
          for (const id of attached(t)) expect(t.code(id)).toBe(expected.code(id));
        }
      }),
    );
  });

  it('detects the levels a plan uses', () => {
    const t = Tree.from([-1, 0, 1, 2, -1], (i) => ['I', '1', 'a', '-', 'II'][i]);
    expect(detectLevels(t)).toEqual(['roman', 'path', 'alpha', 'dash']);
    const d = Tree.from([-1, 0, 0, -1], (i) => ['1', '1.1', '1.2', '2'][i]);
    expect(detectLevels(d)).toEqual(['path']);
  });
});

function isUnder(t: Tree, id: number, ancestor: number): boolean {
  for (let p = t.parent.get(id) ?? null; p !== null; p = t.parent.get(p) ?? null) if (p === ancestor) return true;
  return false;
}

function isAttached(t: Tree, id: number): boolean {
  let cur: number | null = id;
  while (cur !== null) {
    const p: number | null = t.parent.get(cur) ?? null;
    if (!t.children(p).includes(cur)) return false;
    cur = p;
  }
  return true;
}

function attached(t: Tree): number[] {
  const out: number[] = [];
  const stack = [...t.children(null)];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...t.children(id));
  }
  return out;
}
