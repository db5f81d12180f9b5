// Hash routes: the browser's back button walks the history of views.
const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  const t = s.toString();
  return t ? `?${t}` : '';
};

export const routes = {
  landing: (date) => `#/${q({ date })}`,
  kpi: (name, date) => `#/kpi/${name}${q({ date })}`,
  title: (id, date) => `#/title/${encodeURIComponent(id)}${q({ date })}`,
  season: (id, n, date) => `#/title/${encodeURIComponent(id)}/season/${n}${q({ date })}`,
  trends: (ids, from, to) => `#/trends${q({ ids: (ids || []).join(','), from, to })}`,
};

export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}
