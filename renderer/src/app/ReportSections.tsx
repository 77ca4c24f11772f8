// An import report's lists (cells skipped, units spelled otherwise, plan differences…): a titled list
// per section, the first 200 items shown and the rest counted — so a file with thousands of
// problems keeps the dialog usable. Shared by the allocation annex and disbursement report imports.
const SHOWN = 200;

export interface ReportSection {
  id: string;
  title: string;
  items: readonly string[];
}

/** `attr`: the data attribute each section carries its id in (the dialogs' tests find them by it). */
export function ReportSections({ sections, attr }: { sections: readonly ReportSection[]; attr: `data-${string}` }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} {...{ [attr]: s.id }}>
          <h4>{s.title}</h4>
          <ul>
            {s.items.slice(0, SHOWN).map((x, i) => (
              <li key={i}>{x}</li>
            ))}
            {s.items.length > SHOWN && <li>… (+{s.items.length - SHOWN})</li>}
          </ul>
        </section>
      ))}
    </>
  );
}
