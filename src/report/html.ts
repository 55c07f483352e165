import { actorsText, undatedText, claimText, dateText, escapeXml as esc, filterText, KIND_LABEL, lineText, noteSourceText, placeText, rangeText, safeUrl, spanText, tollText } from './describe.js';
import type { EventLine, ReportModel } from './model.js';
import { renderDailyChartSvg } from './svg-chart.js';
import { renderMapSvg, type MapPoint } from './svg-map.js';

const refs = (notes: number[]) => (notes.length ? `<sup class="ref">${notes.map((n) => `<a href="#note-${n}">${n}</a>`).join(', ')}</sup>` : '');

/** Where the period's events happened, for the map. */
export function mapPoints(model: ReportModel): MapPoint[] {
  return model.happened.flatMap((g) => g.lines).filter((l) => l.lat !== undefined && l.lon !== undefined).map((l) => ({ lat: l.lat!, lon: l.lon!, label: lineText(l) }));
}

export function reportFigures(model: ReportModel): { map: string; chart: string } {
  return { map: renderMapSvg(mapPoints(model), { extent: model.mapExtent, highlight: model.filter.country }), chart: renderDailyChartSvg(model.daily) };
}

function eventItem(line: EventLine): string {
  const parts = [esc(dateText(line)), `<b>${esc(line.type)}</b> (“${esc(line.trigger)}”)`, esc(actorsText(line)), `at ${esc(placeText(line))}`, esc(tollText(line))].filter(Boolean);
  return `<li class="event-line">${parts.join(' · ')} ${refs(line.notes)}</li>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1b;max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;border-bottom:1px solid #ccc;padding-bottom:2px;margin-top:28px}h3{font-size:14px;margin-bottom:4px}
.meta{color:#555}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
.figures{display:flex;gap:16px;flex-wrap:wrap}.figures svg{border:1px solid #ccc;max-width:100%;height:auto}
.claims{margin:4px 0 12px}.claim{display:inline-block;border:1px solid #ddd;border-radius:4px;padding:2px 6px;margin:2px}
.disagree{color:#a0521d;font-weight:600}.ref a{text-decoration:none}.notes li{margin-bottom:6px}.notes .sentence{font-style:italic}
.span{color:#666;font-size:12px}.background{color:#444}
@media print{body{margin:0;max-width:none;font-size:11px}a{color:inherit}h2{break-after:avoid}.figures{break-inside:avoid}}
`;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing
 * fetched; prints as it shows. Every piece of article text is escaped.
 */
export function renderHtml(model: ReportModel): string {
  const { map, chart } = reportFigures(model);
  const out: string[] = [];
  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">', '<meta name="viewport" content="width=device-width,initial-scale=1">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push(`<title>${esc(model.title)}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${esc(model.title)}</h1>`);
  out.push(`<p class="meta">Generated ${esc(model.generatedAt)} from ${model.articleCount} article(s). Filter: ${esc(filterText(model.filter))}. Every figure and line cites the sentence it was read from.</p>`);

  if (model.undatedEvents) out.push(`<p class="meta undated">${esc(undatedText(model.undatedEvents))}</p>`);
  out.push('<h2 id="headline">Headline figures</h2>');
  if (!model.headline.length) out.push('<p>No killed, injured or displaced figures were reported for the period.</p>');
  else {
    out.push('<table class="headline"><thead><tr><th></th><th>low</th><th>best</th><th>high</th><th>sources</th><th>stories</th></tr></thead><tbody>');
    for (const f of model.headline) {
      out.push(`<tr data-kind="${f.kind}"><td>${KIND_LABEL[f.kind]} ${refs([...new Set(f.claims.map((c) => c.note))])}</td><td>${f.low}</td><td class="best">${f.best}</td><td>${f.high}</td><td>${f.sources}</td><td>${f.stories}</td></tr>`);
    }
    out.push('</tbody></table>');
    for (const f of model.headline) {
      const claims = f.claims.map((c) => `<span class="claim">${esc(claimText(c))} ${refs([c.note])}</span>`).join('');
      out.push(`<div class="claims"><b>${KIND_LABEL[f.kind]} ${esc(rangeText(f))}</b>${f.disagreement ? ' <span class="disagree">sources disagree:</span>' : ':'} ${claims}</div>`);
    }
  }

  out.push('<h2 id="happened">What happened</h2>');
  if (!model.happened.length) out.push('<p>No events matched.</p>');
  for (const g of model.happened) out.push(`<h3>${esc(g.area)}</h3><ul>${g.lines.map(eventItem).join('')}</ul>`);

  out.push('<h2 id="quotes">Who said what</h2>');
  if (!model.quotes.length) out.push('<p>No attributed quotes in the period’s articles.</p>');
  for (const a of model.quotes) {
    const items = a.quotes.map((q) => `<li>${q.direct ? `“${esc(q.text)}”` : `reported: ${esc(q.text)}`} ${refs([q.note])}</li>`).join('');
    out.push(`<h3>${esc(a.actor)}</h3><ul>${items}</ul>`);
  }

  out.push('<h2 id="map">Map and events per day</h2>', `<div class="figures">${map}${chart}</div>`);

  out.push('<h2 id="background">Background</h2><p class="meta">Past events the period’s articles recall; not news of the period.</p>');
  out.push(model.background.length ? `<ul class="background">${model.background.map(eventItem).join('')}</ul>` : '<p>None.</p>');

  out.push('<h2 id="sources">Sources</h2><ol class="notes">');
  for (const n of model.notes) {
    const url = safeUrl(n.url);
    const source = url ? `<a href="${esc(url)}" rel="noreferrer">${esc(noteSourceText(n))}</a>` : esc(noteSourceText(n));
    out.push(`<li id="note-${n.n}" data-article="${esc(n.articleId)}" data-start="${n.span.start}" data-end="${n.span.end}">${source} · article <code>${esc(n.articleId)}</code><br><span class="sentence">“${esc(n.sentence)}”</span> <span class="span">${esc(spanText(n))}</span></li>`);
  }
  out.push('</ol></body></html>');
  return `${out.join('\n')}\n`;
}
