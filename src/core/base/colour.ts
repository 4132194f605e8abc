/**
 * Colour arithmetic after WCAG 2.x: relative luminance and contrast ratio of sRGB colours.
 * The model uses it to pick the text tone on a slide background; tests use it to hold the
 * themes' chart colours to a minimum contrast.
 */
export type Rgb = [number, number, number];

/** `#abc` or `#aabbcc` → [r, g, b] in 0…255; undefined for anything else. */
export function parseHexColour(text: string): Rgb | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Light text reads better than dark text on this colour (the two contrasts compared). */
export function isDark(colour: Rgb): boolean {
  return contrastRatio(colour, [255, 255, 255]) > contrastRatio(colour, [0, 0, 0]);
}
