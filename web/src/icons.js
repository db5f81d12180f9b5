// Small line icons drawn here (no icon font, no emoji font needed).
import { svg } from './dom.js';

const STROKE = { fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };

const SHAPES = {
  popcorn: () => [
    svg('path', { ...STROKE, d: 'M6 10h12l-1.6 11H7.6z' }),
    svg('path', { ...STROKE, d: 'M10 10l.5 11M14 10l-.5 11' }),
    svg('path', { ...STROKE, d: 'M6 10a2.5 2.5 0 0 1 1-4.6A3 3 0 0 1 12 4a3 3 0 0 1 5 1.4A2.5 2.5 0 0 1 18 10' }),
  ],
  stopwatch: () => [
    svg('circle', { ...STROKE, cx: '12', cy: '13.5', r: '7.5' }),
    svg('path', { ...STROKE, d: 'M12 13.5V9.5M10 2.5h4M12 2.5v3.5M18.5 6.5l1.5-1.5' }),
  ],
  calendar: () => [
    svg('rect', { ...STROKE, x: '3.5', y: '5', width: '17', height: '15.5', rx: '2' }),
    svg('path', { ...STROKE, d: 'M3.5 10h17M8 3v4M16 3v4M8.5 14.5h3' }),
  ],
  globe: () => [
    svg('circle', { ...STROKE, cx: '12', cy: '12', r: '9' }),
    svg('ellipse', { ...STROKE, cx: '12', cy: '12', rx: '4', ry: '9' }),
    svg('path', { ...STROKE, d: 'M3.5 9h17M3.5 15h17' }),
  ],
  funnel: () => [svg('path', { ...STROKE, d: 'M3.5 4.5h17l-6.5 8v6l-4 2v-8z' })],
  search: () => [svg('circle', { ...STROKE, cx: '10.5', cy: '10.5', r: '6' }), svg('path', { ...STROKE, d: 'M15 15l5.5 5.5' })],
  back: () => [svg('path', { ...STROKE, d: 'M9 5L4 10l5 5' }), svg('path', { ...STROKE, d: 'M4 10h9a7 7 0 0 1 7 7v2' })],
};

export function icon(name, cls = '') {
  const s = svg('svg', { viewBox: '0 0 24 24', class: `icon ${cls}`, 'aria-hidden': 'true', focusable: 'false' });
  s.append(...SHAPES[name]());
  return s;
}
