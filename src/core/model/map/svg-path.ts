/**
 * Small SVG path data for the map: coordinates rounded to DIGITS fraction digits and written as
 * relative, minified commands, so a whole world map is ~50 kB inline.
 */
import { geoPath, type GeoContext, type GeoProjection } from 'd3-geo';

/** Fraction digits of path coordinates (0.1 viewBox units ≈ 0.04° of longitude). */
const DIGITS = 1;


/**
 * A d3-geo path context that writes small path data: coordinates rounded to `DIGITS` fraction
 * digits, relative commands (`m`/`l`/`z`), separators only where needed (`1.2-3.4.5`), points
 * that round onto the previous one dropped, rings that collapse to fewer than 3 points dropped.
 * Rounding is done on absolute coordinates and the deltas taken afterwards, so it never drifts.
 */
class CompactPath implements GeoContext {
  private readonly scale = 10 ** DIGITS;
  private out = '';
  /** Current point of the emitted path, in rounded units (integers). */
  private cx = 0;
  private cy = 0;
  private ring: [number, number][] = [];
  private last = '';

  beginPath(): void {
    // Nothing to do: subpaths are delimited by moveTo.
  }

  moveTo(x: number, y: number): void {
    this.flush(false);
    this.ring = [[this.round(x), this.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const p: [number, number] = [this.round(x), this.round(y)];
    const prev = this.ring[this.ring.length - 1];
    if (prev && prev[0] === p[0] && prev[1] === p[1]) return;
    this.ring.push(p);
  }

  closePath(): void {
    this.flush(true);
  }

  arc(): void {
    // Only polygons and lines are drawn; points (which would call arc) never occur.
  }

  result(): string {
    this.flush(false);
    return this.out;
  }

  private round(v: number): number {
    return Math.round(v * this.scale) || 0; // `|| 0` turns -0 into 0
  }

  private flush(closed: boolean): void {
    const pts = this.ring;
    this.ring = [];
    if (closed && pts.length > 1) {
      const first = pts[0]!;
      const last = pts[pts.length - 1]!;
      if (first[0] === last[0] && first[1] === last[1]) pts.pop();
    }
    if (pts.length < (closed ? 3 : 2)) return;
    pts.forEach(([x, y], i) => {
      if (i === 0) {
        this.out += 'm';
        this.last = '';
      }
      this.num(x - this.cx);
      this.num(y - this.cy);
      this.cx = x;
      this.cy = y;
    });
    if (closed) {
      this.out += 'z';
      // After `z` the current point is the start of the subpath.
      this.cx = pts[0]![0];
      this.cy = pts[0]![1];
    }
  }

  private num(units: number): void {
    const s = formatUnits(units, this.scale);
    const needsSep =
      this.last !== '' && (/^[0-9]/.test(s) || (s.startsWith('.') && !this.last.includes('.')));
    this.out += (needsSep ? ' ' : '') + s;
    this.last = s;
  }
}

/** `units / scale` as the shortest decimal: 15 → "1.5", -5 → "-.5", 30 → "3". */
function formatUnits(units: number, scale: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const int = Math.floor(abs / scale);
  const frac = abs % scale;
  if (frac === 0) return sign + String(int);
  const fracStr = String(frac).padStart(DIGITS, '0').replace(/0+$/, '');
  return sign + (int === 0 ? '' : String(int)) + '.' + fracStr;
}

export function pathData(projection: GeoProjection, object: Parameters<ReturnType<typeof geoPath>>[0]): string {
  const context = new CompactPath();
  geoPath(projection, context)(object);
  return context.result();
}

export function fixed(v: number): string {
  return formatUnits(Math.round(v * 10 ** DIGITS) || 0, 10 ** DIGITS);
}
