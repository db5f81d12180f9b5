// Charts (Chart.js): the rank trend of a title and the multi-title trends.
import {
  Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, Tooltip, Legend, Filler,
} from 'chart.js';
import * as fmt from './format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, Tooltip, Legend, Filler);
Chart.defaults.color = '#c9d8e6';
Chart.defaults.font.family = "'Segoe UI', 'DIN Alternate', system-ui, sans-serif";
Chart.defaults.animation = false;

// Every chart drawn and not yet destroyed; the router destroys them when
// their page is left.
const live = new Set();

/** @param {Chart} chart */
function track(chart) {
  live.add(chart);
  return chart;
}

export function destroyCharts() {
  for (const c of live) c.destroy();
  live.clear();
}

// Chart.js's own registry, so a chart created behind track()'s back counts too.
export function liveChartCount() {
  return Object.keys(Chart.instances).length;
}

const BLUE = '#01B4E4';
const GREEN = '#90CEA1';
const RED = '#ff6b6b';
const GOLD = '#F5C518';
const PALETTE = ['#01B4E4', '#F5C518', '#90CEA1', '#ff8a65', '#ba68c8', '#4dd0e1', '#f06292', '#aed581', '#ffd54f', '#9fa8da'];

const shortDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', day: '2-digit' });
};

// Labels the high and low points and the average, as the original does.
const annotate = {
  id: 'rankAnnotations',
  afterDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea } = chart;
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (const p of opts.points || []) {
      const el = meta.data[p.index];
      if (!el) continue;
      ctx.fillStyle = p.color;
      ctx.fillText(String(p.text), el.x, el.y + (p.below ? 16 : -8));
    }
    if (opts.average) {
      const y = chart.scales.y.getPixelForValue(opts.average);
      ctx.fillStyle = '#e6eef5';
      ctx.textAlign = 'right';
      ctx.fillText(`Average: ${Math.round(opts.average)}`, chartArea.right - 4, y - 6);
    }
    ctx.restore();
  },
};

// trend: {dates, ranks, average, high, low, forecast[{date, rank, low, high}]}
export function rankTrendChart(canvas, trend) {
  const labels = [...trend.dates, ...trend.forecast.map((f) => f.date)];
  const pad = (arr, n) => [...arr, ...new Array(n).fill(null)];
  const nf = trend.forecast.length;
  const lastIdx = trend.dates.length - 1;
  const lastRank = trend.ranks[lastIdx];
  // The band and its centre start at today's point so they join the line.
  const lead = (key) => [...new Array(lastIdx).fill(null), lastRank, ...trend.forecast.map((f) => f[key])];
  const points = [];
  if (trend.high) points.push({ index: trend.dates.indexOf(trend.high.date), text: trend.high.rank, color: GREEN, below: false });
  if (trend.low) points.push({ index: trend.dates.indexOf(trend.low.date), text: trend.low.rank, color: RED, below: true });
  const ranks = trend.ranks.filter((r) => r !== null);
  const maxRank = Math.max(10, ...ranks, ...trend.forecast.map((f) => f.high)) * 1.5;  // headroom under the worst point
  return track(new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Rank', data: pad(trend.ranks, nf), borderColor: BLUE, backgroundColor: BLUE, borderWidth: 3, pointRadius: 0, pointHoverRadius: 4, tension: 0.15, spanGaps: false },
        { label: 'Average', data: labels.map(() => trend.average), borderColor: '#9fb3c8', borderDash: [6, 5], borderWidth: 1.5, pointRadius: 0 },
        { label: 'Forecast high', data: nf ? lead('high') : [], borderColor: 'transparent', pointRadius: 0, fill: false },
        { label: 'Forecast band', data: nf ? lead('low') : [], borderColor: 'transparent', backgroundColor: 'rgba(1,180,228,0.22)', pointRadius: 0, fill: '-1' },
        { label: 'Forecast', data: nf ? lead('rank') : [], borderColor: 'rgba(1,180,228,0.8)', borderDash: [3, 3], borderWidth: 2, pointRadius: 0 },
        { label: 'Popularity, 7-day average', data: pad(trend.popularity_avg7, nf), yAxisID: 'pop', borderColor: GOLD, borderWidth: 1.5, pointRadius: 0, tension: 0.2, spanGaps: false },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.datasetIndex === 0 || item.datasetIndex >= 4,
          callbacks: {
            title: (items) => fmt.date(items[0].label),
            label: (item) => `${item.dataset.label}: ${item.datasetIndex === 5 ? item.parsed.y.toFixed(2) : Math.round(item.parsed.y)}`,
          },
        },
        rankAnnotations: { points, average: trend.average },
      },
      scales: {
        y: {
          type: 'logarithmic', reverse: true, min: 0.75, max: maxRank,
          grid: { color: 'rgba(255,255,255,0.12)' },
          border: { dash: [2, 4] },
          ticks: { callback: (v) => ([1, 10, 100, 1000].includes(Number(v)) ? String(v) : null) },
        },
        pop: { position: 'right', beginAtZero: true, grid: { display: false }, ticks: { color: GOLD, maxTicksLimit: 4 } },
        x: {
          grid: { display: false },
          ticks: { maxTicksLimit: 5, maxRotation: 0, callback(v) { return shortDate(this.getLabelForValue(Number(v))); } },
        },
      },
    },
    plugins: [annotate],
  }));
}

// series: [{title, ranks[], popularity[]}], key: 'ranks' | 'popularity'
export function trendsChart(canvas, dates, series, key) {
  const isRank = key === 'ranks';
  const all = series.flatMap((s) => s[key]).filter((v) => v !== null);
  return track(new Chart(canvas, {
    type: 'line',
    data: {
      labels: dates,
      datasets: [
        ...series.map((s, i) => ({
          label: s.title, data: s[key], borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length],
          borderWidth: 2, pointRadius: dates.length > 60 ? 0 : 2, tension: 0.2, spanGaps: false,
        })),
        // Popularity is noisy day to day: its 7-day average, dashed, in the title's colour.
        ...(isRank ? [] : series.map((s, i) => ({
          label: `${s.title} (7-day avg)`, data: s.popularity_avg7, borderColor: PALETTE[i % PALETTE.length], borderDash: [5, 4],
          borderWidth: 1.5, pointRadius: 0, tension: 0.2, spanGaps: false,
        }))),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { title: (items) => fmt.date(items[0].label) } },
      },
      scales: {
        y: isRank
          ? { type: 'logarithmic', reverse: true, min: 0.75, max: Math.pow(10, Math.ceil(Math.log10(Math.max(10, ...all)))), grid: { color: 'rgba(255,255,255,0.12)' }, ticks: { callback: (v) => ([1, 10, 100, 1000].includes(Number(v)) ? String(v) : null) } }
          : { beginAtZero: true, grid: { color: 'rgba(255,255,255,0.12)' } },
        x: { grid: { display: false }, ticks: { maxTicksLimit: 8, maxRotation: 0, callback(v) { return shortDate(this.getLabelForValue(Number(v))); } } },
      },
    },
  }));
}
