// The annex's typeface: Times New Roman where the PC has it (Windows does), otherwise Tinos — a
// metric-compatible twin with full Vietnamese coverage (SIL OFL 1.1, from @fontsource/tinos),
// bundled so printing never depends on the network. Declared through the FontFace API so the print
// view can wait until every face is loaded before measuring anything.
import bold from '@fontsource/tinos/files/tinos-latin-700-normal.woff2?url';
import boldItalic from '@fontsource/tinos/files/tinos-latin-700-italic.woff2?url';
import italic from '@fontsource/tinos/files/tinos-latin-400-italic.woff2?url';
import regular from '@fontsource/tinos/files/tinos-latin-400-normal.woff2?url';
import viBold from '@fontsource/tinos/files/tinos-vietnamese-700-normal.woff2?url';
import viBoldItalic from '@fontsource/tinos/files/tinos-vietnamese-700-italic.woff2?url';
import viItalic from '@fontsource/tinos/files/tinos-vietnamese-400-italic.woff2?url';
import viRegular from '@fontsource/tinos/files/tinos-vietnamese-400-normal.woff2?url';
import unicode from '@fontsource/tinos/unicode.json';

/** The CSS family name of the annex font (use it first in font-family). */
export const PRINT_FONT_FAMILY = 'PlanDesk Serif';

interface Face {
  weight: '400' | '700';
  style: 'normal' | 'italic';
  /** Full and PostScript names of the installed Times New Roman face. */
  local: [string, string];
  latin: string;
  vietnamese: string;
}

const FACES: Face[] = [
  { weight: '400', style: 'normal', local: ['Times New Roman', 'TimesNewRomanPSMT'], latin: regular, vietnamese: viRegular },
  { weight: '700', style: 'normal', local: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT'], latin: bold, vietnamese: viBold },
  { weight: '400', style: 'italic', local: ['Times New Roman Italic', 'TimesNewRomanPS-ItalicMT'], latin: italic, vietnamese: viItalic },
  { weight: '700', style: 'italic', local: ['Times New Roman Bold Italic', 'TimesNewRomanPS-BoldItalicMT'], latin: boldItalic, vietnamese: viBoldItalic },
];

let loading: Promise<void> | null = null;

/** Register and load every face once; resolves when text can be measured in its final font. */
export function loadPrintFonts(): Promise<void> {
  loading ??= (async () => {
    const faces: FontFace[] = [];
    for (const f of FACES) {
      for (const subset of ['latin', 'vietnamese'] as const) {
        // local() first: an installed Times New Roman wins; the bundled file is the fallback.
        const src = `local("${f.local[0]}"), local("${f.local[1]}"), url(${f[subset]}) format("woff2")`;
        faces.push(new FontFace(PRINT_FONT_FAMILY, src, { weight: f.weight, style: f.style, unicodeRange: unicode[subset], display: 'block' }));
      }
    }
    for (const face of faces) document.fonts.add(face);
    // A face that fails to load leaves the next family in the stack (Times New Roman, serif): the
    // annex still prints, so a failure here must not block it.
    await Promise.allSettled(faces.map((face) => face.load()));
    await document.fonts.ready;
  })();
  return loading;
}
