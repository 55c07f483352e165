import { escapeXml } from './describe.js';

/** Events per day as an inline SVG bar chart; each bar carries its day and count. */
export function renderDailyChartSvg(daily: { day: string; events: number }[], width = 480, height = 160): string {
  const margin = { top: 12, right: 8, bottom: 28, left: 28 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const max = Math.max(1, ...daily.map((d) => d.events));
  const slot = daily.length ? innerW / daily.length : innerW;
  const barW = Math.max(1, slot * 0.8);
  // label every day when few, else about eight labels
  const every = Math.max(1, Math.ceil(daily.length / 8));
  const bars = daily.map((d, i) => {
    const h = (d.events / max) * innerH;
    const bx = margin.left + i * slot + (slot - barW) / 2;
    const by = margin.top + innerH - h;
    const label = i % every === 0 ? `<text x="${(bx + barW / 2).toFixed(1)}" y="${height - 10}" text-anchor="middle" font-size="9">${escapeXml(d.day.slice(5))}</text>` : '';
    const count = d.events ? `<text x="${(bx + barW / 2).toFixed(1)}" y="${(by - 2).toFixed(1)}" text-anchor="middle" font-size="9">${d.events}</text>` : '';
    return `<rect class="bar" data-day="${escapeXml(d.day)}" data-events="${d.events}" x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="#3b6e8f"><title>${escapeXml(`${d.day}: ${d.events} event(s)`)}</title></rect>${label}${count}`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Events per day">`,
    `<line x1="${margin.left}" y1="${margin.top + innerH}" x2="${width - margin.right}" y2="${margin.top + innerH}" stroke="#888"/>`,
    `<text x="${margin.left - 4}" y="${margin.top + 8}" text-anchor="end" font-size="9">${max}</text>`,
    `<text x="${margin.left - 4}" y="${margin.top + innerH}" text-anchor="end" font-size="9">0</text>`,
    ...bars,
    daily.length ? '' : `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="11">No dated events</text>`,
    '</svg>',
  ].join('\n');
}
