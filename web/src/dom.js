// DOM building without HTML strings: every piece of API text goes in through
// textContent or a checked attribute, never innerHTML, so a title such as
// "<img src=x onerror=...>" is shown as the characters it is.

import { sizedImageUrl } from './image-size.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// Attributes that may carry a URL are only set to http(s), '#/' routes or data: images.
const URL_ATTRS = new Set(['href', 'src']);
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  if (url.startsWith('#/')) return url;
  if (/^https?:\/\//i.test(url)) return url;
  return null;
}

function apply(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (URL_ATTRS.has(k)) {
      const u = safeUrl(v);
      if (u) el.setAttribute(k, u);
    } else if (k === 'style') {
      throw new Error('use classes, not style attributes (CSP)');
    } else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// h('div', {class: 'card'}, 'text', child, [more]) -> HTMLElement
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// An image that degrades to a tidy placeholder (initials on a tinted tile)
// when the URL is missing or fails to load: never a broken-image icon. The
// <img> stays invisible until it has loaded. The URL is asked at the size
// the slot draws (image-size.js).
export function picture(url, label, kind = 'poster') {
  const initials = String(label || '?')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('') || '?';
  // A provider's logo is a logo drawn in a small square slot (watch.js).
  const logo = kind === 'logo' || kind === 'provider';
  const box = h('div', { class: kind === 'provider' ? 'pic pic-logo pic-provider' : `pic pic-${kind}`, title: label || '' },
    h('span', { class: 'pic-fallback', 'aria-hidden': 'true' }, logo ? String(label || '-') : initials));
  const u = safeUrl(sizedImageUrl(url, kind));
  if (u) {
    const img = h('img', { alt: label || '', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
    img.addEventListener('load', () => box.classList.add('pic-loaded'));
    img.addEventListener('error', () => img.remove());
    img.setAttribute('src', u);
    box.append(img);
  } else {
    box.classList.add('pic-missing');
  }
  return box;
}

export function link(route, text, cls = 'title-link') {
  return h('a', { href: route, class: cls }, text);
}
