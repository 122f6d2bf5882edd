/**
 * A negotiated document as a Word file (docx): the title, headings as Word headings, clauses with
 * their numbers, bracketed runs kept in the text and marked (the "Bracketed text" character style,
 * highlighted), right-to-left paragraphs for Arabic and Hebrew clauses, and on every page a header
 * naming the agreement and the revision and saying that bracketed text is not agreed.
 */
import { AlignmentType, Document, Header, HeadingLevel, HighlightColor, Packer, Paragraph, TextRun } from 'docx';
import { exportBlocks, exportedLine, headerLine, type ExportBlock, type ExportSource, type Piece } from './export-layout.ts';

/** The character style of every bracketed run, so that Word can find or restyle them all at once. */
export const BRACKETED_STYLE_ID = 'BracketedText';
const BRACKETED_STYLE_NAME = 'Bracketed text';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** The runs of one piece: a clause's line breaks become Word line breaks. */
function runsOf(piece: Piece, rtl: boolean): TextRun[] {
  const bracketed = piece.kind === 'bracketed';
  return piece.text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(rtl ? { rightToLeft: true } : {}),
        ...(bracketed ? { style: BRACKETED_STYLE_ID, highlight: HighlightColor.YELLOW } : {}),
      }),
  );
}

function paragraphOf(block: ExportBlock): Paragraph {
  if (block.kind === 'heading') {
    return new Paragraph({ heading: HEADINGS[Math.min(Math.max(block.level, 1), 6) - 1], children: [new TextRun(block.title)] });
  }
  // The number as written (`1.`, `2.3`): Word's own numbering would renumber a text whose numbers are negotiated.
  const label = block.marker ? [new TextRun({ text: `${block.marker === '-' || block.marker === '*' || block.marker === '+' ? '•' : block.marker}\t`, bold: block.number !== null, ...(block.rtl ? { rightToLeft: true } : {}) })] : [];
  return new Paragraph({
    ...(block.rtl ? { bidirectional: true } : {}),
    ...(block.marker ? { indent: { left: 567, hanging: 567 } } : {}),
    spacing: { after: 160 },
    children: [...label, ...block.pieces.flatMap((p) => runsOf(p, block.rtl))],
  });
}

/** The document as a .docx file's bytes. */
export async function documentDocx(source: ExportSource): Promise<Buffer> {
  const doc = new Document({
    title: source.document.title,
    description: headerLine(source),
    creator: 'Phaseline',
    styles: {
      characterStyles: [
        {
          id: BRACKETED_STYLE_ID,
          name: BRACKETED_STYLE_NAME,
          basedOn: 'DefaultParagraphFont',
          quickFormat: true,
          run: { highlight: HighlightColor.YELLOW },
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: headerLine(source), size: 16, italics: true })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(source.document.title)] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: exportedLine(source), italics: true, size: 18 })] }),
          ...exportBlocks(source).map(paragraphOf),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
