// Word tables (.docx) in the look of gtsummary's tables exported through flextable: a title, a header row with the
// population ("N = 6") and a footnote mark, bold labels with their levels indented beneath, horizontal rules above
// and below the header and below the last row only, then the statistic footnote, the source line and the
// reconstructed-cohort notice. Built with the `docx` package (a real Word table of text, not an image) and packed
// with fixed timestamps, so that two builds give the same bytes.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IBorderOptions,
} from "docx";
import {strFromU8, strToU8, unzipSync, zipSync} from "fflate";

export interface DocxRow {
  label: string;
  /** One cell per value column. */
  values: readonly string[];
  /** A level under a bold label: indented, not bold. */
  level?: boolean;
}

export interface DocxTable {
  title: string;
  /** Header cells: the label column's, then one per value column (e.g. "N = 6"). */
  header: readonly string[];
  rows: readonly DocxRow[];
  /** The statistic footnote, marked ¹ on the first value column's header. */
  statistic: string;
  /** Further notes below the table, unmarked. */
  notes: readonly string[];
}

export interface DocxDocument {
  title: string;
  tables: readonly DocxTable[];
  /** "Source: …": the version, data cut-off and data fingerprint. */
  source: string;
  /** The reconstructed-cohort notice, when it applies. */
  notice?: string;
  /** The document's date (core properties and the zip entries): the data cut-off, YYYY-MM-DD. */
  date: string;
}

const FONT = "Arial";
const SIZE = 20; // half-points: 10 pt, flextable's default
const RULE: IBorderOptions = {style: BorderStyle.SINGLE, size: 12, color: "000000"};
const NONE: IBorderOptions = {style: BorderStyle.NONE, size: 0, color: "FFFFFF"};
const INDENT = 360; // twentieths of a point: a quarter inch, as gtsummary indents levels

const run = (text: string, options: {bold?: boolean; italics?: boolean} = {}) => new TextRun({text, font: FONT, size: SIZE, ...options});

function cell(children: TextRun[], options: {top?: boolean; bottom?: boolean; indent?: boolean; center?: boolean}): TableCell {
  return new TableCell({
    children: [new Paragraph({children, alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      indent: options.indent ? {left: INDENT} : undefined})],
    borders: {top: options.top ? RULE : NONE, bottom: options.bottom ? RULE : NONE, left: NONE, right: NONE},
  });
}

function table(spec: DocxTable): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: spec.header.map((text, i) => cell(
      [run(text, {bold: true}), ...(i === 1 ? [run("¹", {bold: true})] : [])],
      {top: true, bottom: true, center: i > 0})),
  });
  const rows = spec.rows.map((row, r) => {
    const last = r === spec.rows.length - 1;
    return new TableRow({children: [
      cell([run(row.label, {bold: !row.level})], {indent: row.level, bottom: last}),
      ...row.values.map((value) => cell([run(value)], {center: true, bottom: last})),
    ]});
  });
  return [
    new Paragraph({children: [run(spec.title, {bold: true})], spacing: {after: 120}}),
    new Table({rows: [header, ...rows], width: {size: 100, type: WidthType.PERCENTAGE}}),
    new Paragraph({children: [run(`¹ ${spec.statistic}`)]}),
    ...spec.notes.map((note) => new Paragraph({children: [run(note)]})),
    new Paragraph({children: []}),
  ];
}

/** The .docx file: every table, then the source line and the notice. */
export async function docx(spec: DocxDocument): Promise<Buffer> {
  const document = new Document({
    title: spec.title, creator: "pdnec-crt-report", description: spec.source,
    sections: [{children: [
      ...spec.tables.flatMap(table),
      new Paragraph({children: [run(spec.source, {italics: true})]}),
      ...(spec.notice ? [new Paragraph({children: [run(spec.notice, {italics: true})]})] : []),
    ]}],
  });
  return deterministic(await Packer.toBuffer(document), spec.date);
}

/**
 * The same package with the clock taken out: docx writes the time of packing into docProps/core.xml and as every
 * zip entry's modification time. Both become `date` (midnight; the zip's DOS time is local time, so the date is
 * given as local midnight, the same fields on any machine), and the entries keep their order.
 */
function deterministic(packed: Buffer, date: string): Buffer {
  const files = unzipSync(packed);
  const stamp = `${date}T00:00:00Z`;
  const core = "docProps/core.xml";
  if (!files[core]) throw new Error("docx: no docProps/core.xml in the package");
  files[core] = strToU8(strFromU8(files[core])
    .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`));
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Buffer.from(zipSync(files, {mtime: new Date(year, month - 1, day), level: 6}));
}
