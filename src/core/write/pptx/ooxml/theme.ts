/** A theme of the presentation model as a theme part: its colour scheme, font scheme and plain formats. */
import type { Theme } from '../presentation.js';
import { escapeXml, typefaceAttrs, XML_HEAD } from './xml.js';

export function themeXml(theme: Theme): string {
  const p = theme.colors;
  const srgb = (v: string) => `<a:srgbClr val="${v}"/>`;
  const [a1, a2, a3, a4, a5, a6] = p.accents;
  const font = typefaceAttrs(theme.font);
  return (
    XML_HEAD +
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="${escapeXml(theme.name)}"><a:themeElements>` +
    `<a:clrScheme name="${escapeXml(p.name)}">` +
    `<a:dk1>${srgb(p.dk1)}</a:dk1><a:lt1>${srgb(p.lt1)}</a:lt1><a:dk2>${srgb(p.dk2)}</a:dk2><a:lt2>${srgb(p.lt2)}</a:lt2>` +
    `<a:accent1>${srgb(a1)}</a:accent1><a:accent2>${srgb(a2)}</a:accent2><a:accent3>${srgb(a3)}</a:accent3>` +
    `<a:accent4>${srgb(a4)}</a:accent4><a:accent5>${srgb(a5)}</a:accent5><a:accent6>${srgb(a6)}</a:accent6>` +
    `<a:hlink>${srgb(p.hlink)}</a:hlink><a:folHlink>${srgb(p.folHlink)}</a:folHlink></a:clrScheme>` +
    `<a:fontScheme name="${escapeXml(theme.font.typeface)}">` +
    `<a:majorFont><a:latin ${font}/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
    `<a:minorFont><a:latin ${font}/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>` +
    `</a:fontScheme>` +
    `<a:fmtScheme name="talkdeck"><a:fillStyleLst>` +
    `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
    `</a:fillStyleLst><a:lnStyleLst>` +
    `<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
    `<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
    `<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
    `</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>` +
    `</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}
