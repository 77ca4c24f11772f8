import type { AnnexRow } from '../../../shared/print/annex';
import { escapeHtml, measureRowsHtml, rowsHtml } from './rows-html';

const rows: AnnexRow[] = [
  { lineId: null, depth: -1, cells: ['', 'TỔNG CỘNG', '350.190'], bold: true },
  { lineId: 7, depth: 0, cells: ['1', 'Dự án <b>1</b> & "vốn"', '154.553'], bold: true },
  { lineId: 8, depth: 1, cells: ['1.1', "Tiểu dự án 1: hạ tầng's", ''], bold: false },
];

describe('annex rows as HTML', () => {
  it('escapes every character that could open markup', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtml('Tiểu dự án 1')).toBe('Tiểu dự án 1');
  });

  it('prints one cell per column with its kind, bold rows marked', () => {
    expect(rowsHtml(rows, ['code', 'name', 'amount'])).toBe(
      '<tr class="pd-b pd-grand"><td class="pd-c-code"></td><td class="pd-c-name">TỔNG CỘNG</td><td class="pd-c-amt">350.190</td></tr>' +
        '<tr class="pd-b"><td class="pd-c-code">1</td><td class="pd-c-name">Dự án &lt;b&gt;1&lt;/b&gt; &amp; &quot;vốn&quot;</td><td class="pd-c-amt">154.553</td></tr>' +
        '<tr><td class="pd-c-code">1.1</td><td class="pd-c-name">Tiểu dự án 1: hạ tầng&#39;s</td><td class="pd-c-amt"></td></tr>',
    );
  });

  it('keeps only the cells that can wrap, plus one single-line figure, for measuring', () => {
    const row: AnnexRow = { lineId: 8, depth: 1, cells: ['1.1', 'Tiểu dự án 1', '122.854', 'UBND huyện Tuy Đức'], bold: false };
    expect(measureRowsHtml([row], ['code', 'name', 'amount', 'agency'])).toBe(
      '<tr><td class="pd-c-code">1.1</td><td class="pd-c-name">Tiểu dự án 1</td><td class="pd-c-text">UBND huyện Tuy Đức</td><td class="pd-c-amt">0</td></tr>',
    );
  });
});
