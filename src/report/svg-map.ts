import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import { escapeXml } from './describe.js';

type Ring = [number, number][];
interface CountryShape {
  /** ISO 3166-1 numeric, as world-atlas ids them */
  id: string;
  polygons: Ring[][];
  bounds: [number, number, number, number];
}

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
}

let shapes: CountryShape[] | undefined;

/** Rings crossing ±180° are unwrapped so a country does not draw a band across the map. */
function unwrap(ring: Ring): Ring {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const prev = ring[i - 1]![0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

/** Natural Earth 1:50m countries from the world-atlas package, read once, offline. */
function countryShapes(): CountryShape[] {
  if (shapes) return shapes;
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topo = JSON.parse(readFileSync(path, 'utf8')) as { objects: { countries: unknown } };
  const collection = feature(topo, topo.objects.countries) as { features: { id?: string; geometry: { type: string; coordinates: unknown } | null }[] };
  shapes = collection.features.flatMap((f) => {
    if (!f.geometry || f.id === '010') return []; // Antarctica wraps the pole
    const raw = f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : f.geometry.type === 'MultiPolygon' ? (f.geometry.coordinates as Ring[][]) : [];
    const polygons = raw.map((p) => p.map(unwrap));
    const pts = polygons.flat(2);
    if (!pts.length) return [];
    const lons = pts.map((p) => p[0]);
    const lats = pts.map((p) => p[1]);
    return [{ id: String(f.id ?? ''), polygons, bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as [number, number, number, number] }];
  });
  return shapes;
}

/** The bounds of the named countries (ISO alpha-2 or alpha-3), when the atlas has them. */
export function countryBounds(codes: string[]): [number, number, number, number] | undefined {
  const ids = new Set(codes.map((c) => countries.alpha2ToNumeric(c) ?? countries.alpha3ToNumeric(c)).filter((x): x is string => !!x));
  const found = countryShapes().filter((s) => ids.has(s.id));
  if (!found.length) return undefined;
  return [Math.min(...found.map((s) => s.bounds[0])), Math.min(...found.map((s) => s.bounds[1])), Math.max(...found.map((s) => s.bounds[2])), Math.max(...found.map((s) => s.bounds[3]))];
}

/** The view: the given extent or the points', padded, at least two degrees across. */
function viewOf(points: MapPoint[], extent?: [number, number, number, number]): [number, number, number, number] {
  let [w, s, e, n] = extent ?? (points.length
    ? [Math.min(...points.map((p) => p.lon)), Math.min(...points.map((p) => p.lat)), Math.max(...points.map((p) => p.lon)), Math.max(...points.map((p) => p.lat))]
    : [-180, -60, 180, 85]);
  const padX = Math.max((e - w) * 0.15, 1 - (e - w) / 2);
  const padY = Math.max((n - s) * 0.15, 1 - (n - s) / 2);
  [w, s, e, n] = [w - padX, Math.max(s - padY, -85), e + padX, Math.min(n + padY, 85)];
  return [w, s, e, n];
}

/**
 * A small map as inline SVG: country outlines from the offline atlas, the period's
 * events as dots (the dot's title names the place). Equirectangular, scaled for the
 * view's middle latitude so shapes keep their proportions.
 */
export function renderMapSvg(points: MapPoint[], options: { extent?: [number, number, number, number]; highlight?: string[]; width?: number } = {}): string {
  const [w, s, e, n] = viewOf(points, options.extent);
  const width = options.width ?? 480;
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = width / ((e - w) * kx);
  const height = Math.max(120, Math.min(480, Math.round((n - s) * scale)));
  const x = (lon: number) => ((lon - w) * kx * scale).toFixed(1);
  const y = (lat: number) => ((n - lat) * scale).toFixed(1);
  const highlight = new Set((options.highlight ?? []).map((c) => countries.alpha2ToNumeric(c) ?? countries.alpha3ToNumeric(c)).filter(Boolean));
  // Outlines far outside the view are pressed onto a frame around it and repeated points
  // dropped: what shows is unchanged and a big neighbour costs a few points, not thousands.
  const [fw, fs, fe, fn] = [w - (e - w), s - (n - s), e + (e - w), n + (n - s)];
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const ringPath = (ring: Ring) => {
    const pts = ring.map(([lon, lat]) => `${x(clamp(lon, fw, fe))},${y(clamp(lat, fs, fn))}`).filter((p, i, all) => i === 0 || p !== all[i - 1]);
    return pts.length > 2 ? `M${pts.join('L')}Z` : '';
  };
  const paths = countryShapes()
    .filter((c) => c.bounds[0] <= e && c.bounds[2] >= w && c.bounds[1] <= n && c.bounds[3] >= s)
    .map((c) => {
      const d = c.polygons.flatMap((p) => p.map(ringPath)).join('');
      return `<path class="country${highlight.has(c.id) ? ' focus' : ''}" d="${d}"/>`;
    });
  const dots = points.map((p) => `<circle class="event" cx="${x(p.lon)}" cy="${y(p.lat)}" r="5"><title>${escapeXml(p.label)}</title></circle>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="report-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Map of the period's events">`,
    '<style>.country{fill:#efece3;stroke:#8a8a80;stroke-width:.6}.country.focus{fill:#e2dccb}.event{fill:#b3261e;fill-opacity:.8;stroke:#fff;stroke-width:1.2}</style>',
    `<rect width="${width}" height="${height}" fill="#dfeaf2"/>`,
    ...paths,
    ...dots,
    `<text x="4" y="${height - 4}" font-size="9" fill="#555">Basemap: Natural Earth (world-atlas)</text>`,
    '</svg>',
  ].join('\n');
}
