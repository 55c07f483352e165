import * as L from '/vendor/leaflet/leaflet-src.esm.js';
import { el, colorOf } from './dom.js';

const CELL = 44;

function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function unwrapFeature(f) {
  const g = f.geometry;
  if (!g) return f;
  const coordinates = g.type === 'Polygon' ? g.coordinates.map(unwrapRing) : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p.map(unwrapRing)) : g.coordinates;
  return { ...f, geometry: { ...g, coordinates } };
} // px: events closer than this at the current zoom share a cluster

/** Offline map: Natural Earth countries (world-atlas TopoJSON) as the basemap, events on top. */
export function createMap(container, { onEvent, onRendered }) {
  const map = L.map(container, { minZoom: 1, maxZoom: 11, worldCopyJump: true, zoomSnap: 0.5 }).setView([30, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Basemap: Natural Earth via world-atlas');
  const basemap = L.geoJSON(null, { interactive: false, style: { color: '#8a8a80', weight: 0.7, fillColor: '#f2efe6', fillOpacity: 1 } }).addTo(map);
  fetch('/vendor/world-atlas/countries-110m.json')
    .then((r) => r.json())
    .then((topo) => {
      const world = globalThis.topojson.feature(topo, topo.objects.countries);
      // Antarctica is left out (it wraps the pole); other rings crossing ±180° are unwrapped so
      // Russia or Fiji do not draw bands across the whole map.
      world.features = world.features.filter((f) => f.id !== '010').map(unwrapFeature);
      basemap.addData(world);
      basemap.bringToBack();
    })
    .catch((err) => console.error('basemap', err));

  const markers = L.layerGroup().addTo(map);
  const selected = L.layerGroup().addTo(map);
  let rows = [];
  let fitted = false;

  const radius = (killed) => 5 + Math.min(14, 3 * Math.sqrt(killed ?? 0));

  function single(row) {
    const m = L.circleMarker([row.latitude, row.longitude], {
      radius: radius(row.killed), color: '#fff', weight: 1.2, fillColor: colorOf(row.plover_type), fillOpacity: 0.9, className: 'ev-marker',
    });
    m.bindTooltip(`${row.plover_type} · ${row.place ?? ''} · ${row.date ?? 'undated'}${row.killed ? ` · ${row.killed} killed` : ''}`);
    m.on('click', () => onEvent(row));
    return m;
  }

  function listPopup(group, at) {
    const box = el('div', { class: 'popup-list' });
    for (const r of group.slice(0, 200)) {
      box.append(el('div', { onclick: () => onEvent(r) }, el('span', { class: 'type', text: r.plover_type }), ` ${r.date ?? ''} ${r.place ?? ''}`, r.killed ? el('span', { class: 'killed', text: ` ${r.killed} killed` }) : ''));
    }
    L.popup({ maxWidth: 320 }).setLatLng(at).setContent(box).openOn(map);
  }

  function cluster(group) {
    const lat = group.reduce((s, r) => s + r.latitude, 0) / group.length;
    const lon = group.reduce((s, r) => s + r.longitude, 0) / group.length;
    const byType = new Map();
    for (const r of group) byType.set(r.plover_type, (byType.get(r.plover_type) ?? 0) + 1);
    const top = [...byType.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const killed = group.reduce((s, r) => s + (r.killed ?? 0), 0);
    const size = Math.round(22 + Math.min(26, 6 * Math.log10(group.length)) + Math.min(10, Math.sqrt(killed)));
    const face = el('div', { text: String(group.length) });
    face.style.background = colorOf(top);
    const m = L.marker([lat, lon], { icon: L.divIcon({ className: 'ev-cluster', html: face, iconSize: [size, size] }), title: `${group.length} events${killed ? `, ${killed} killed` : ''}` });
    m.on('click', () => {
      const bounds = L.latLngBounds(group.map((r) => [r.latitude, r.longitude]));
      const zoom = Math.min(map.getBoundsZoom(bounds.pad(0.3)), map.getMaxZoom());
      if (bounds.getNorthEast().equals(bounds.getSouthWest()) || zoom <= map.getZoom()) listPopup(group, [lat, lon]);
      else map.fitBounds(bounds.pad(0.3));
    });
    return m;
  }

  function render() {
    markers.clearLayers();
    const zoom = map.getZoom();
    const cells = new Map();
    for (const r of rows) {
      const p = map.project([r.latitude, r.longitude], zoom);
      const key = `${Math.floor(p.x / CELL)}:${Math.floor(p.y / CELL)}`;
      const cell = cells.get(key);
      if (cell) cell.push(r);
      else cells.set(key, [r]);
    }
    for (const group of cells.values()) markers.addLayer(group.length === 1 ? single(group[0]) : cluster(group));
    container.dataset.markers = String(cells.size);
    container.dataset.events = String(rows.length);
    onRendered?.(cells.size, rows.length);
  }
  map.on('zoomend', render);

  return {
    map,
    setEvents(next) {
      rows = next.filter((r) => typeof r.latitude === 'number' && typeof r.longitude === 'number');
      if (!fitted && rows.length) {
        fitted = true;
        map.fitBounds(L.latLngBounds(rows.map((r) => [r.latitude, r.longitude])).pad(0.4), { maxZoom: 6, animate: false });
      }
      render();
    },
    select(row) {
      selected.clearLayers();
      if (!row || typeof row.latitude !== 'number') return;
      selected.addLayer(L.circleMarker([row.latitude, row.longitude], { radius: radius(row.killed) + 6, color: '#ff9800', weight: 3, fill: false, interactive: false }));
    },
    invalidate: () => map.invalidateSize(),
  };
}
