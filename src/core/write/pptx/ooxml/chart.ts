/**
 * A chart slide as a native PowerPoint chart: the chart part (DrawingML chart: bar, horizontal
 * bar, stacked bar or line, coloured with the theme's accents) and the workbook embedded next to
 * it, so "Edit Data" in PowerPoint opens the numbers in a spreadsheet.
 */
import type { ChartModel } from '../../../model/types.js';
import { fractionDigits } from '../../../base/number-format.js';
import { escapeXml, sizeOf, XML_HEAD } from './xml.js';
import { zip } from './zip.js';

const SERIES_COLOURS = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'tx2'];

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function column(n: number): string {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

const SHEET = 'Sheet1';

export function chartXml(chart: ChartModel, lang: string, fontPx: number): string {
  // The same digits as the HTML chart; separators follow the viewer's locale (3,1 in German).
  const digits = fractionDigits(chart.series.flatMap((s) => s.values));
  const format = escapeXml(`#,##0${digits ? `.${'0'.repeat(digits)}` : ''}`);
  const numFmt = `<c:numFmt formatCode="${format}" sourceLinked="0"/>`;
  const last = chart.categories.length + 1;
  const catRef = `${SHEET}!$A$2:$A$${last}`;
  const cats =
    `<c:cat><c:strRef><c:f>${catRef}</c:f><c:strCache><c:ptCount val="${chart.categories.length}"/>` +
    chart.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(c)}</c:v></c:pt>`).join('') +
    `</c:strCache></c:strRef></c:cat>`;
  const line = chart.kind === 'line';
  const series = chart.series
    .map((s, i) => {
      const col = column(i + 1);
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
      const fill = `<a:solidFill><a:schemeClr val="${colour}"/></a:solidFill>`;
      const spPr = line ? `<c:spPr><a:ln w="38100" cap="rnd">${fill}<a:round/></a:ln></c:spPr>` : `<c:spPr>${fill}</c:spPr>`;
      const marker = line ? `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>` : '<c:invertIfNegative val="0"/>';
      const labels =
        `<c:dLbls>${numFmt}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        // Labels inside stacked bars: light and bold on the mark, as in the HTML.
        (chart.kind === 'stacked'
          ? `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"><a:solidFill><a:schemeClr val="bg1"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>`
          : '') +
        (chart.kind === 'stacked' ? '<c:dLblPos val="ctr"/>' : line ? '<c:dLblPos val="t"/>' : '<c:dLblPos val="outEnd"/>') +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${SHEET}!$${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        spPr +
        marker +
        labels +
        cats +
        `<c:val><c:numRef><c:f>${SHEET}!$${col}$2:$${col}$${last}</c:f><c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${s.values.length}"/>` +
        s.values.map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`).join('') +
        `</c:numCache></c:numRef></c:val>` +
        (line ? '<c:smooth val="0"/>' : '') +
        `</c:ser>`
      );
    })
    .join('');
  const horizontal = chart.kind === 'hbar';
  const group = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`
    : `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${chart.kind === 'stacked' ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="60"/>${chart.kind === 'stacked' ? '<c:overlap val="100"/>' : '<c:overlap val="-10"/>'}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  const noLine = '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>';
  const ruleLine = '<c:spPr><a:ln w="19050"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:ln></c:spPr>';
  const step = chart.ticks.length > 1 ? chart.ticks[1]! - chart.ticks[0]! : undefined;
  const catAx =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/>${ruleLine}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="${chart.max}"/><c:min val="${chart.min}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:schemeClr val="accent6"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    (chart.unit ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="0"/></a:pPr><a:r><a:rPr lang="${lang}" b="0"/><a:t>${escapeXml(chart.unit)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` : '') +
    `${numFmt}<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${noLine}` +
    // Horizontal bars run top to bottom (categories reversed): the value axis then sits at the bottom.
    `<c:crossAx val="1001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>${step ? `<c:majorUnit val="${step}"/>` : ''}</c:valAx>`;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>' : '';
  const size = sizeOf(fontPx);
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:date1904 val="0"/><c:lang val="${lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>${group}${catAx}${valAx}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>` +
    `<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`
  );
}

/** The chart's numbers as a workbook: categories in column A, one column per series. */
export function chartWorkbook(chart: ChartModel, categoryLabel: string): Uint8Array {
  const cell = (ref: string, value: string | number): string =>
    typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  const header = [categoryLabel, ...chart.series.map((s) => s.name)];
  const rows = [
    header.map((h, i) => cell(`${column(i)}1`, h)).join(''),
    ...chart.categories.map((c, r) => [cell(`A${r + 2}`, c), ...chart.series.map((s, i) => cell(`${column(i + 1)}${r + 2}`, s.values[r] ?? 0))].join('')),
  ];
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    rows.map((r, i) => `<row r="${i + 1}">${r}</row>`).join('') +
    `</sheetData></worksheet>`;
  const text = (s: string) => Buffer.from(s, 'utf8');
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zip([
    {
      path: '[Content_Types].xml',
      data: text(
        head +
          `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    { path: '_rels/.rels', data: text(head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      path: 'xl/workbook.xml',
      data: text(head + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    { path: 'xl/_rels/workbook.xml.rels', data: text(head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { path: 'xl/worksheets/sheet1.xml', data: text(sheet) },
  ]);
}
