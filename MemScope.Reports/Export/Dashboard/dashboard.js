'use strict';
(() => {
const D = JSON.parse(document.getElementById('memscope-data').textContent);
const S = D.str;
const $ = id => document.getElementById(id);
const str = i => (i < 0 ? '' : S[i]);
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function button(text, cls, onClick) {
  const b = el('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
const nf = new Intl.NumberFormat('en-US');
const count = n => nf.format(n);
function bytes(n) {
  const a = Math.abs(n);
  if (a < 1024) return n + ' B';
  if (a < 1048576) return (n / 1024).toFixed(1) + ' KiB';
  if (a < 1073741824) return (n / 1048576).toFixed(1) + ' MiB';
  return (n / 1073741824).toFixed(2) + ' GiB';
}
const ms = t => (t < 0 ? '' : (t < 1000 ? t.toFixed(3) + ' ms' : (t / 1000).toFixed(3) + ' s'));
function siteText(i) {
  if (i < 0) return '';
  const f = D.site.file[i];
  return f < 0 ? S[D.site.method[i]] : S[f] + ':' + D.site.line[i];
}
const siteMethod = i => (i < 0 ? '' : S[D.site.method[i]]);

// ---- objects: id -> row, holdings, violations per object
const O = D.obj;
const nObj = O.id.length;
const rowOf = new Map();
for (let i = 0; i < nObj; i++) rowOf.set(O.id[i], i);
const violBy = new Map();
for (let v = 0; v < D.viol.kind.length; v++) {
  const k = D.viol.obj[v];
  if (!violBy.has(k)) violBy.set(k, []);
  violBy.get(k).push(v);
}
const leakBy = new Map();
for (let l = 0; l < D.leak.obj.length; l++) leakBy.set(D.leak.obj[l], l);
const handleBy = new Map();
for (let h = 0; h < D.handle.obj.length; h++) handleBy.set(D.handle.obj[h], h);

// ---- time range shared by every view
const range = { t0: 0, t1: Math.max(D.durationMs, 1e-3), full: true };
const listeners = [];
function setRange(t0, t1) {
  const span = Math.max(D.durationMs, 1e-3);
  const w = Math.min(Math.max(t1 - t0, span / 1e6), span);
  t0 = Math.max(0, Math.min(t0, span - w));
  range.t0 = t0; range.t1 = t0 + w;
  range.full = range.t0 <= 0 && range.t1 >= span;
  $('range').textContent = range.full ? 'whole recording (' + ms(span) + ')' : 'range ' + ms(range.t0) + ' \u2013 ' + ms(range.t1);
  $('range-from').value = range.t0.toFixed(3); $('range-to').value = range.t1.toFixed(3);
  timeline.draw();
  clearTimeout(setRange.timer);
  // Tables refilter after the gesture settles: a wheel burst should not sort a million rows per event.
  setRange.timer = setTimeout(() => listeners.forEach(f => f()), 120);
}
const inRange = t => range.full || (t >= range.t0 && t <= range.t1);
const objInRange = i => range.full || (O.alloc[i] <= range.t1 && (O.end[i] < 0 || O.end[i] >= range.t0));

// ---- theme
function applyTheme(dark) {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  const b = $('theme');
  b.setAttribute('aria-pressed', String(dark));
  b.textContent = dark ? 'Light theme' : 'Dark theme';
  timeline.draw();
}
$('theme').addEventListener('click', () => applyTheme(document.documentElement.dataset.theme !== 'dark'));

// ---- header
document.title = 'MemScope: ' + D.name;
$('title').textContent = 'MemScope: ' + D.name;
$('meta').textContent = 'started ' + D.startedAt + ' \u00b7 ' + count(D.totals.events) + ' events';

// ---- memory timeline (canvas)
const timeline = (() => {
  const canvas = $('timeline');
  const ctx = canvas.getContext('2d');
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  let maxY = 1;
  for (const v of D.tl.live) maxY = Math.max(maxY, v);
  for (const v of D.gc.heap) maxY = Math.max(maxY, v);
  function x(t, w) { return (t - range.t0) / (range.t1 - range.t0) * w; }
  function line(ts, vs, w, h, color, step) {
    if (!ts.length) return;
    ctx.strokeStyle = color; ctx.lineWidth = 1.5; ctx.beginPath();
    let started = false, prevY = 0;
    for (let i = 0; i < ts.length; i++) {
      const px = x(ts[i], w), py = h - 16 - vs[i] / maxY * (h - 26);
      if (!started) { ctx.moveTo(px, py); started = true; }
      else { if (step) ctx.lineTo(px, prevY); ctx.lineTo(px, py); }
      prevY = py;
    }
    ctx.stroke();
  }
  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (!w || !h) return;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = css('--panel'); ctx.fillRect(0, 0, w, h);
    ctx.strokeStyle = css('--line'); ctx.beginPath(); ctx.moveTo(0, h - 16); ctx.lineTo(w, h - 16); ctx.stroke();
    // GC marks: a tick wherever a gen2 collection happened between two samples.
    ctx.fillStyle = css('--bad');
    for (let i = 1; i < D.gc.t.length; i++) if (D.gc.gen2[i] > D.gc.gen2[i - 1]) ctx.fillRect(x(D.gc.t[i], w) - 1, h - 16, 2, 6);
    line(D.gc.t, D.gc.heap, w, h, css('--heap'), false);
    line(D.gc.t, D.gc.frag, w, h, css('--frag'), false);
    line(D.tl.t, D.tl.live, w, h, css('--live'), true);
    ctx.fillStyle = css('--muted'); ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(ms(range.t0), 4, h - 3);
    const end = ms(range.t1); ctx.fillText(end, w - ctx.measureText(end).width - 4, h - 3);
    ctx.fillText(bytes(maxY), 4, 11);
    if (sel) {
      ctx.globalAlpha = 0.25; ctx.fillStyle = css('--accent');
      ctx.fillRect(Math.min(sel.x0, sel.x1), 0, Math.abs(sel.x1 - sel.x0), h - 16);
      ctx.globalAlpha = 1;
    }
  }
  function zoom(factor, at) {
    const span = range.t1 - range.t0;
    const pivot = range.t0 + span * (at === undefined ? 0.5 : at);
    setRange(pivot - (pivot - range.t0) * factor, pivot + (range.t1 - pivot) * factor);
  }
  function pan(fraction) {
    const span = range.t1 - range.t0;
    setRange(range.t0 + span * fraction, range.t1 + span * fraction);
  }
  canvas.addEventListener('wheel', e => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 0.8 : 1.25, (e.clientX - r.left) / r.width);
  }, { passive: false });
  // Plain drag pans; Shift+drag (or any drag in select mode) selects a range, which becomes the range every view shows.
  let drag = null, sel = null;
  const selectMode = $('select-mode');
  selectMode.addEventListener('click', () => {
    const on = selectMode.getAttribute('aria-pressed') !== 'true';
    selectMode.setAttribute('aria-pressed', String(on));
    canvas.classList.toggle('selecting', on);
  });
  const offsetX = e => Math.min(Math.max(e.clientX - canvas.getBoundingClientRect().left, 0), canvas.clientWidth);
  canvas.addEventListener('pointerdown', e => {
    if (e.shiftKey || selectMode.getAttribute('aria-pressed') === 'true') sel = { x0: offsetX(e), x1: offsetX(e) };
    else drag = { x: e.clientX, t0: range.t0, t1: range.t1 };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', e => {
    if (sel) { sel.x1 = offsetX(e); draw(); return; }
    if (!drag) return;
    const dt = (drag.x - e.clientX) / canvas.clientWidth * (drag.t1 - drag.t0);
    setRange(drag.t0 + dt, drag.t1 + dt);
  });
  function endGesture() {
    drag = null;
    if (!sel) return;
    const a = Math.min(sel.x0, sel.x1), b = Math.max(sel.x0, sel.x1), w = canvas.clientWidth, span = range.t1 - range.t0;
    sel = null;
    if (b - a >= 3) setRange(range.t0 + a / w * span, range.t0 + b / w * span); else draw();
  }
  canvas.addEventListener('pointerup', endGesture);
  canvas.addEventListener('pointercancel', endGesture);
  // Keyboard selection: the labelled from/to fields (ms) set the range exactly.
  const fromInput = $('range-from'), toInput = $('range-to');
  function typedRange() {
    const a = Number(fromInput.value), b = Number(toInput.value);
    if (fromInput.value !== '' && toInput.value !== '' && Number.isFinite(a) && Number.isFinite(b) && b > a) setRange(a, b);
  }
  fromInput.addEventListener('change', typedRange);
  toInput.addEventListener('change', typedRange);
  canvas.addEventListener('keydown', e => {
    // Shift+arrows narrow the selected range from either end, the keyboard's counterpart of Shift+drag.
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      const span = range.t1 - range.t0;
      if (e.key === 'ArrowRight') setRange(range.t0 + span * 0.1, range.t1); else setRange(range.t0, range.t1 - span * 0.1);
      return;
    }
    const keys = { '+': () => zoom(0.8), '=': () => zoom(0.8), '-': () => zoom(1.25), '_': () => zoom(1.25),
      ArrowLeft: () => pan(-0.1), ArrowRight: () => pan(0.1), Home: () => setRange(0, D.durationMs), '0': () => setRange(0, D.durationMs) };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  $('zoom-in').addEventListener('click', () => zoom(0.8));
  $('zoom-out').addEventListener('click', () => zoom(1.25));
  $('zoom-reset').addEventListener('click', () => setRange(0, D.durationMs));

  window.addEventListener('resize', () => draw());
  return { draw };
})();

// ---- virtualised table: rows are indices into columnar arrays; only the rows in view exist in the DOM
const ROW_H = 26;
function virtualTable(host, spec) {
  const box = el('div', 'vt');
  const tools = el('div', 'vt-tools');
  const filter = el('input');
  filter.type = 'search'; filter.placeholder = 'Filter ' + spec.name + '\u2026'; filter.setAttribute('aria-label', 'Filter ' + spec.name);
  const shown = el('span', 'count');
  const controls = (spec.filters || []).map(f => (f.kind === 'select' ? selectFilter(spec, f, () => refresh()) : rangeFilter(spec, f, () => refresh()))).filter(Boolean);
  tools.append(filter, ...controls.map(c => c.node));
  if (controls.length) tools.append(button('Clear filters', 'clear', () => { filter.value = ''; controls.forEach(c => c.reset()); refresh(); }));
  tools.append(shown);
  const template = spec.columns.map(c => c.width || 'minmax(0,1fr)').join(' ');
  const head = el('div', 'vt-head'); head.style.gridTemplateColumns = template; head.setAttribute('role', 'row');
  const body = el('div', 'vt-body'); body.setAttribute('role', 'rowgroup');
  box.setAttribute('role', 'grid'); box.setAttribute('aria-label', spec.name);
  const spacer = el('div'); const rowsBox = el('div', 'vt-rows');
  body.append(spacer, rowsBox);
  box.append(tools, head, body);
  host.append(box);
  let sortCol = -1, sortDir = 1, index = new Int32Array(0), search = null, buffer = null;
  const headers = spec.columns.map((c, ci) => {
    const b = button(c.label, c.num ? 'num' : '', () => {
      sortDir = sortCol === ci ? -sortDir : (c.num ? -1 : 1); sortCol = ci; refresh();
    });
    b.setAttribute('role', 'columnheader');
    head.append(b);
    return b;
  });
  function searchText(i) {
    if (!search) search = new Array(spec.count);
    let s = search[i];
    if (s === undefined) s = search[i] = spec.columns.map(c => c.text(i)).join('\u0001').toLowerCase();
    return s;
  }
  function refresh() {
    const q = filter.value.trim().toLowerCase();
    // Column filters first (typed comparisons on the columnar arrays), the text match last: rows become an index array.
    const tests = controls.map(c => c.test()).filter(Boolean);
    const filtered = tests.length > 0;
    if (spec.inRange && !range.full) tests.unshift(spec.inRange);
    const nTests = tests.length;
    if (!buffer) buffer = new Int32Array(spec.count);
    let n = 0;
    rows: for (let i = 0; i < spec.count; i++) {
      for (let k = 0; k < nTests; k++) if (!tests[k](i)) continue rows;
      if (q && !searchText(i).includes(q)) continue;
      buffer[n++] = i;
    }
    index = buffer.slice(0, n);
    if (sortCol >= 0) {
      const c = spec.columns[sortCol];
      const key = c.sort || c.text;
      const keys = new Map();
      if (c.num) index.sort((a, b) => (key(a) - key(b)) * sortDir || a - b);
      else { for (const i of index) keys.set(i, String(key(i))); index.sort((a, b) => (keys.get(a) < keys.get(b) ? -1 : keys.get(a) > keys.get(b) ? 1 : a - b) * (keys.get(a) === keys.get(b) ? 1 : sortDir)); }
    }
    headers.forEach((h, ci) => h.setAttribute('aria-sort', ci === sortCol ? (sortDir > 0 ? 'ascending' : 'descending') : 'none'));
    shown.textContent = count(index.length) + ' of ' + count(spec.count) + ' rows' + (filtered ? ' matching the filters' : '') + (spec.inRange && !range.full ? ' in the selected range' : '');
    spacer.style.height = index.length * ROW_H + 'px';
    body.scrollTop = 0;
    render();
  }
  function render() {
    const first = Math.max(0, Math.floor(body.scrollTop / ROW_H) - 5);
    const visible = Math.ceil((body.clientHeight || 500) / ROW_H) + 10;
    const last = Math.min(index.length, first + visible);
    rowsBox.style.transform = 'translateY(' + first * ROW_H + 'px)';
    const frag = document.createDocumentFragment();
    for (let r = first; r < last; r++) {
      const i = index[r];
      const row = el('div', 'vt-row'); row.style.gridTemplateColumns = template;
      row.setAttribute('role', 'row'); row.tabIndex = 0; row.dataset.row = String(i);
      for (const c of spec.columns) {
        const cell = el('span', c.num ? 'num' : '', c.text(i)); cell.setAttribute('role', 'gridcell'); cell.title = cell.textContent; row.append(cell);
      }
      frag.append(row);
    }
    rowsBox.replaceChildren(frag);
  }
  function open(e) {
    const row = e.target.closest('.vt-row');
    if (row && spec.open) spec.open(Number(row.dataset.row));
  }
  rowsBox.addEventListener('click', open);
  rowsBox.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(e); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? e.target.nextElementSibling : e.target.previousElementSibling;
      if (next) next.focus(); else body.scrollTop += e.key === 'ArrowDown' ? ROW_H : -ROW_H;
    }
  });
  body.addEventListener('scroll', () => requestAnimationFrame(render), { passive: true });
  let filterTimer = 0;
  filter.addEventListener('input', () => { clearTimeout(filterTimer); filterTimer = setTimeout(refresh, 150); });
  if (spec.inRange) listeners.push(() => { if (!box.closest('[hidden]')) refresh(); else stale = true; });
  let stale = false;
  refresh();
  return { refresh, shown: () => { if (stale) { stale = false; refresh(); } else render(); } };
}

// ---- column helpers
const col = (label, text, extra) => Object.assign({ label, text }, extra || {});
const numCol = (label, values, fmt, extra) => Object.assign({ label, num: true, sort: i => values[i], text: i => fmt(values[i]) }, extra || {});
const openObject = id => () => drill(id);

// ---- table filters: a select of the values present in a column, or a min/max pair; each yields a row test or null
const threadName = new Map();
for (let t = 0; t < D.threads.id.length; t++) threadName.set(D.threads.id[t], str(D.threads.name[t]));
const byType = values => ({ kind: 'select', label: 'type', all: 'all types', values, text: v => (v < 0 ? '(none)' : S[v]) });
const byThread = values => ({ kind: 'select', label: 'thread', all: 'all threads', numeric: true, values,
  text: v => (v < 0 ? '(unknown)' : String(v) + (threadName.get(v) ? ' ' + threadName.get(v) : '')) });
const byActivity = values => ({ kind: 'select', label: 'activity', all: 'all activities', values, optional: true, text: v => (v < 0 ? '(no activity)' : S[v]) });
const bySize = values => ({ kind: 'range', label: 'size', unit: 'bytes', values });
const byLifetime = values => ({ kind: 'range', label: 'lifetime', unit: 'ms', values });
function labelled(text, ...controls) {
  const l = el('label', 'flt'); l.append(el('span', '', text), ...controls);
  return l;
}
function selectFilter(spec, f, changed) {
  const seen = new Set(), values = f.values;
  for (let i = 0; i < spec.count; i++) seen.add(values[i]);
  // An activity filter over a recording without activities would offer nothing to choose.
  if (f.optional && ![...seen].some(v => v >= 0)) return null;
  const s = el('select'); s.setAttribute('aria-label', 'Filter ' + spec.name + ' by ' + f.label);
  const all = el('option', '', f.all); all.value = ''; s.append(all);
  const options = [...seen].map(v => [v, f.text(v)]);
  options.sort(f.numeric ? (a, b) => a[0] - b[0] : (a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [v, t] of options) { const o = el('option', '', t); o.value = String(v); s.append(o); }
  s.addEventListener('change', changed);
  return {
    node: labelled(f.label, s),
    reset: () => { s.value = ''; },
    test: () => { if (s.value === '') return null; const want = Number(s.value); return i => values[i] === want; },
  };
}
function rangeFilter(spec, f, changed) {
  const values = f.values;
  const input = which => {
    const x = el('input'); x.type = 'number'; x.min = '0'; x.step = 'any'; x.placeholder = which; x.className = 'num-filter';
    x.setAttribute('aria-label', (which === 'min' ? 'Minimum ' : 'Maximum ') + f.label + ' of ' + spec.name + ' (' + f.unit + ')');
    let timer = 0;
    x.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(changed, 200); });
    return x;
  };
  const lo = input('min'), hi = input('max');
  return {
    node: labelled(f.label + ' (' + f.unit + ')', lo, el('span', '', '\u2013'), hi),
    reset: () => { lo.value = ''; hi.value = ''; },
    test: () => {
      const a = lo.value === '' ? -Infinity : Number(lo.value), b = hi.value === '' ? Infinity : Number(hi.value);
      if (a === -Infinity && b === Infinity) return null;
      if (Number.isNaN(a) || Number.isNaN(b)) return null;
      return i => { const x = values[i]; return x >= a && x <= b; };
    },
  };
}
// Lifetimes as columns: still-live objects and unreleased blocks last forever (they pass any minimum, fail any maximum);
// an object whose collection was not watched has no known lifetime (NaN fails every lifetime filter).
const watched = i => O.w[i] !== 0;
const objLife = new Float64Array(nObj);
for (let i = 0; i < nObj; i++) objLife[i] = !watched(i) ? NaN : O.end[i] < 0 ? Infinity : O.end[i] - O.alloc[i];
const hasActivities = O.act.some(a => a >= 0);

// ---- views
const views = [];
function view(name, build) { views.push({ name, build, built: null }); }

view('Overview', host => {
  const t = D.totals;
  const cards = el('div', 'cards');
  function card(label, value, detail, alert) {
    const c = el('div', 'card' + (alert ? ' alert' : ''));
    c.append(el('div', 'label', label), el('div', 'value', value), el('div', 'detail', detail));
    cards.append(c);
  }
  card('tracked objects', count(t.objects), bytes(t.bytes) + ' allocated', false);
  card('live bytes', bytes(t.liveBytes), count(t.liveObjects) + ' objects at the end', false);
  card('peak bytes', bytes(t.peakBytes), 'tracked live at the peak', false);
  card('leaks', count(t.leaks), bytes(t.leakedBytes), t.leaks > 0);
  card('violations', count(t.violations), 'misuses caught', t.violations > 0);
  card('dropped events', count(t.dropped), count(t.faults) + ' recorder faults', t.dropped > 0);
  card('GC collections', count(t.gcCollections), count(t.gen2Collections) + ' gen2', false);
  card('native blocks', count(t.nativeBlocks), count(t.threads) + ' threads', false);
  host.append(cards, el('h2', '', 'Diagnosis (' + D.diag.length + ')'));
  if (!D.diag.length) { host.append(el('p', 'none', 'Nothing to report.')); return; }
  const list = el('ol', 'diag');
  for (const f of D.diag) {
    const li = el('li');
    li.append(el('span', 'sev ' + f.sev, f.sev), el('span', '', f.msg));
    if (f.site >= 0) li.append(el('div', 'loc', siteText(f.site)));
    if (f.ev.length) li.append(el('div', 'ev', f.ev.join('; ')));
    list.append(li);
  }
  host.append(list);
});

view('Lifetimes', host => {
  const tools = el('div', 'vt-tools');
  const by = el('select'); by.setAttribute('aria-label', 'Group lifetimes by');
  for (const [v, l] of [['var', 'group by variable'], ['type', 'group by type']]) { const o = el('option', '', l); o.value = v; by.append(o); }
  tools.append(by, el('span', 'legend', 'Bars: lifetime from allocation to collection (red: leaked). Marks: green dispose, grey collect, red violation. Click a bar or a name.'));
  const body = el('div', 'vt-body'); const spacer = el('div'); const rows = el('div', 'vt-rows');
  body.append(spacer, rows);
  const box = el('div', 'vt'); box.append(tools, body); host.append(box);
  const LT_H = 30, MAX_BARS = 80;
  let groups = [];
  function group() {
    const map = new Map(); const key = by.value === 'type' ? O.type : O.var;
    for (let i = 0; i < nObj; i++) {
      if (!objInRange(i)) continue;
      const k = key[i];
      let g = map.get(k); if (!g) map.set(k, g = []);
      g.push(i);
    }
    groups = [...map.entries()].sort((a, b) => b[1].length - a[1].length || (str(a[0]) < str(b[0]) ? -1 : 1));
    spacer.style.height = groups.length * LT_H + 'px';
    render();
  }
  function mark(track, t, cls, left, span) {
    if (t < 0 || t < range.t0 || t > range.t1) return;
    const m = el('span', 'mark ' + cls); m.style.left = ((t - left) / span * 100) + '%'; track.append(m);
  }
  function render() {
    const first = Math.max(0, Math.floor(body.scrollTop / LT_H) - 3);
    const last = Math.min(groups.length, first + Math.ceil((body.clientHeight || 500) / LT_H) + 6);
    rows.style.transform = 'translateY(' + first * LT_H + 'px)';
    const frag = document.createDocumentFragment();
    const left = range.t0, span = Math.max(range.t1 - range.t0, 1e-9);
    for (let r = first; r < last; r++) {
      const [k, members] = groups[r];
      const row = el('div', 'lt-row');
      const name = (k < 0 ? '(no variable)' : S[k]);
      const label = button(name + ' (' + count(members.length) + ')', 'var', openObject(O.id[members[0]]));
      label.dataset.name = name; label.title = name;
      const track = el('div', 'track');
      for (const i of members.slice(0, MAX_BARS)) {
        const a = Math.max(O.alloc[i], left), e = O.end[i] < 0 ? range.t1 : Math.min(O.end[i], range.t1);
        const b = button('', 'bar' + (leakBy.has(O.id[i]) ? ' leak' : '') + (watched(i) ? '' : ' unwatched'), openObject(O.id[i]));
        b.style.left = ((a - left) / span * 100) + '%'; b.style.width = Math.max((e - a) / span * 100, 0.3) + '%';
        b.setAttribute('aria-label', S[O.type[i]] + ' #' + O.id[i] + (watched(i) ? '' : ' (collection not watched)')); b.title = b.getAttribute('aria-label');
        track.append(b);
        mark(track, O.disp[i], 'disp', left, span);
        mark(track, O.end[i], 'coll', left, span);
        for (const v of violBy.get(O.id[i]) || []) mark(track, D.viol.t[v], 'viol', left, span);
      }
      row.append(label, track); frag.append(row);
    }
    rows.replaceChildren(frag);
  }
  by.addEventListener('change', group);
  body.addEventListener('scroll', () => requestAnimationFrame(render), { passive: true });
  listeners.push(() => { if (!host.hidden) group(); else stale = true; });
  let stale = false;
  group();
  return { shown: () => { if (stale) { stale = false; group(); } else render(); } };
});

view('Allocations', host => virtualTable(host, {
  name: 'allocations', count: nObj, inRange: objInRange, open: i => drill(O.id[i]),
  filters: [byType(O.type), bySize(O.size), byLifetime(objLife), byThread(O.thread), byActivity(O.act)],
  columns: [
    numCol('id', O.id, String, { width: '6rem' }),
    col('type', i => S[O.type[i]]),
    col('variable', i => str(O.var[i])),
    numCol('bytes', O.size, bytes, { width: '6rem' }),
    numCol('allocated', O.alloc, ms, { width: '7rem' }),
    col('lifetime', i => (!watched(i) ? 'not watched' : O.end[i] < 0 ? 'live' : ms(O.end[i] - O.alloc[i])), { num: true, sort: i => (!watched(i) ? -1 : O.end[i] < 0 ? Infinity : O.end[i] - O.alloc[i]), width: '7rem' }),
    numCol('thread', O.thread, String, { width: '4rem' }),
    col('site', i => siteText(O.site[i])),
  ].concat(hasActivities ? [col('activity', i => str(O.act[i]))] : []) }));

const L = D.leak;
view('Leaks', host => virtualTable(host, {
  name: 'leaks', count: L.obj.length, open: i => drill(L.obj[i]),
  filters: [byType(L.type), bySize(L.size)],
  columns: [
    col('kind', i => S[L.kind[i]], { width: '8rem' }), col('type', i => S[L.type[i]]), col('variable', i => str(L.var[i])),
    numCol('bytes', L.size, bytes, { width: '6rem' }), col('created at', i => siteText(L.site[i])), col('reason', i => S[L.reason[i]]),
  ] }));

const V = D.viol;
view('Violations', host => virtualTable(host, {
  name: 'violations', count: V.kind.length, inRange: i => inRange(V.t[i]), open: i => drill(V.obj[i]),
  filters: [byType(V.type), byThread(V.thread)],
  columns: [
    col('kind', i => S[V.kind[i]], { width: '9rem' }), col('severity', i => S[V.sev[i]], { width: '6rem' }), col('type', i => str(V.type[i])), col('variable', i => str(V.var[i])),
    col('site', i => siteText(V.site[i])), col('related site', i => siteText(V.rel[i])), numCol('at', V.t, ms, { width: '7rem' }), numCol('thread', V.thread, String, { width: '4rem' }), col('message', i => S[V.msg[i]]),
  ] }));

const N = D.native;
const nativeLife = Float64Array.from(N.at, (t, i) => (N.relAt[i] < 0 ? Infinity : N.relAt[i] - t));
view('Native blocks', host => virtualTable(host, {
  name: 'native blocks', count: N.kind.length, inRange: i => inRange(N.at[i]),
  filters: [bySize(N.size), byLifetime(nativeLife), byThread(N.thread)],
  columns: [
    col('kind', i => S[N.kind[i]], { width: '8rem' }), col('api', i => S[N.api[i]]), col('key', i => '0x' + N.key[i].toString(16), { width: '9rem' }),
    numCol('bytes', N.size, bytes, { width: '6rem' }), col('status', i => S[N.status[i]], { width: '7rem' }), numCol('acquired', N.at, ms, { width: '7rem' }),
    numCol('released', N.relAt, ms, { width: '7rem' }), numCol('thread', N.thread, String, { width: '4rem' }), col('site', i => siteText(N.site[i])), col('released at', i => siteText(N.relSite[i])),
  ] }));

const H = D.handle;
view('Handles', host => virtualTable(host, {
  name: 'handles', count: H.obj.length, open: i => drill(H.obj[i]),
  columns: [
    numCol('object', H.obj, String, { width: '6rem' }), col('raw', i => '0x' + H.raw[i].toString(16), { width: '8rem' }),
    col('opened at', i => siteText(H.open[i])), col('closed at', i => siteText(H.close[i])),
    col('refcount steps', i => { const p = []; for (let s = H.steps[i]; s < H.steps[i + 1]; s++) p.push(S[H.sKind[s]] + '\u2192' + H.sCount[s]); return p.join(', '); }),
  ] }));

const P = D.pinv;
view('P/Invoke', host => virtualTable(host, {
  name: 'P/Invoke calls', count: P.site.length,
  columns: [
    col('function', i => str(D.site.name[P.site[i]]) || siteMethod(P.site[i])), col('site', i => siteText(P.site[i])),
    numCol('calls', P.calls, count, { width: '6rem' }), numCol('total', P.totalMs, ms, { width: '7rem' }), numCol('max', P.maxMs, ms, { width: '7rem' }),
    numCol('pointer args', P.ptr, count, { width: '7rem' }), numCol('handle args', P.hnd, count, { width: '7rem' }), numCol('threads', P.threads, count, { width: '5rem' }),
  ] }));

const T = D.types;
view('Types', host => virtualTable(host, {
  name: 'types', count: T.type.length, filters: [byType(T.type)],
  columns: [
    col('type', i => S[T.type[i]]), numCol('objects', T.objects, count, { width: '7rem' }), numCol('bytes', T.bytes, bytes, { width: '7rem' }),
    numCol('live', T.live, count, { width: '6rem' }), numCol('live bytes', T.liveBytes, bytes, { width: '7rem' }),
  ] }));

const ST = D.sites;
view('Sites', host => virtualTable(host, {
  name: 'sites', count: ST.site.length, filters: [byType(ST.type)],
  columns: [
    col('site', i => siteText(ST.site[i])), col('method', i => siteMethod(ST.site[i])), col('type', i => S[ST.type[i]]),
    numCol('objects', ST.objects, count, { width: '7rem' }), numCol('bytes', ST.bytes, bytes, { width: '7rem' }), numCol('live', ST.live, count, { width: '6rem' }),
  ] }));

view('Threads', host => {
  const th = D.threads, ac = D.acts;
  host.append(el('h2', '', 'Threads'));
  virtualTable(host, { name: 'threads', count: th.id.length, filters: [byThread(th.id)], columns: [
    numCol('thread', th.id, String, { width: '6rem' }), col('name', i => str(th.name[i])), numCol('objects', th.objects, count), numCol('bytes', th.bytes, bytes) ] });
  host.append(el('h2', '', 'Activities'));
  virtualTable(host, { name: 'activities', count: ac.name.length, filters: [byActivity(ac.name)], columns: [
    col('activity', i => S[ac.name[i]]), numCol('objects', ac.objects, count), numCol('bytes', ac.bytes, bytes), numCol('threads', ac.threads, count) ] });
});

// ---- tabs: views are built the first time they are shown
const tabs = $('tabs'), host = $('views');
const tabButtons = views.map((v, vi) => {
  const b = button(v.name, '', () => show(vi));
  b.setAttribute('role', 'tab'); b.id = 'tab-' + vi; b.setAttribute('aria-controls', 'view-' + vi);
  b.addEventListener('keydown', e => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const n = (vi + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length;
      tabButtons[n].focus(); show(n);
    }
  });
  tabs.append(b);
  return b;
});
function show(vi) {
  views.forEach((v, i) => {
    const selected = i === vi;
    tabButtons[i].setAttribute('aria-selected', String(selected)); tabButtons[i].tabIndex = selected ? 0 : -1;
    if (!v.section) {
      if (!selected) return;
      v.section = el('section', 'view'); v.section.id = 'view-' + i; v.section.setAttribute('role', 'tabpanel');
      v.section.setAttribute('aria-labelledby', 'tab-' + i); v.section.dataset.view = v.name;
      host.append(v.section);
      v.built = v.build(v.section) || null;
    } else if (selected && v.built && v.built.shown) {
      v.section.hidden = false; v.built.shown();
    }
    v.section.hidden = !selected;
  });
}

// ---- drill-down: one object's whole lifecycle
function drill(id) {
  const panel = $('drill');
  const i = rowOf.get(id);
  panel.replaceChildren();
  const close = button('Close', '', () => { panel.hidden = true; });
  panel.append(close);
  if (i === undefined) {
    panel.append(el('h2', '', 'Object #' + id), el('p', '', 'This object is not among the tracked objects.'));
    panel.hidden = false; panel.focus();
    return;
  }
  panel.append(el('h2', '', S[O.type[i]] + ' #' + id));
  const dl = el('dl');
  const item = (k, v, cls) => { dl.append(el('dt', '', k)); dl.append(el('dd', cls || '', v)); };
  item('size', bytes(O.size[i]));
  item('allocated', ms(O.alloc[i]) + ' on thread ' + O.thread[i]);
  item('allocation site', siteText(O.site[i]) + (O.site[i] >= 0 ? ' (' + siteMethod(O.site[i]) + ')' : ''), 'loc alloc-site');
  item('disposed', O.disp[i] < 0 ? 'never' : ms(O.disp[i]));
  item('collected', !watched(i) ? 'not watched (sampled out by MEMSCOPE_WATCH)' : O.end[i] < 0 ? 'still alive at the end' : ms(O.end[i]));
  if (O.w[i] > 1) item('stands for', O.w[i] + ' objects of its site (a watched sample)');
  const leak = leakBy.get(id);
  if (leak !== undefined) item('leak', S[L.kind[leak]] + ': ' + S[L.reason[leak]]);
  panel.append(dl);

  panel.append(el('h3', '', 'Holders'));
  const holders = el('ul', 'holders');
  const Hd = D.hold;
  for (let h = O.hold[i]; h < O.hold[i + 1]; h++) {
    const li = el('li', 'holder');
    li.append(el('strong', 'holder-name', str(Hd.name[h]) || '(unnamed)'), el('span', 'loc', ' ' + siteText(Hd.site[h])));
    const end = Hd.rel[h] < 0 ? 'still held' : 'let go at ' + ms(Hd.rel[h]) + ' (' + S[Hd.end[h]] + (Hd.endSite[h] >= 0 ? ', ' + siteText(Hd.endSite[h]) : '') + ')';
    li.append(el('div', 'ev', 'bound at ' + ms(Hd.bound[h]) + ', ' + end));
    if (Hd.repl[h] >= 0) li.append(button('replaced by #' + Hd.repl[h], 'link', openObject(Hd.repl[h])));
    holders.append(li);
  }
  if (!holders.childElementCount) holders.append(el('li', 'ev', 'No variable or field held it.'));
  panel.append(holders);

  const vs = violBy.get(id) || [];
  panel.append(el('h3', '', 'Violations (' + vs.length + ')'));
  const vl = el('ul', 'violations');
  for (const v of vs) {
    const li = el('li');
    li.append(el('strong', '', S[V.kind[v]]), el('span', '', ' ' + S[V.msg[v]]), el('div', 'loc', siteText(V.site[v]) + (V.rel[v] >= 0 ? ' \u2190 ' + siteText(V.rel[v]) : '')));
    vl.append(li);
  }
  panel.append(vl);

  const hi = handleBy.get(id);
  if (hi !== undefined) {
    panel.append(el('h3', '', 'Handle refcount'));
    const hl = el('ul');
    for (let s = H.steps[hi]; s < H.steps[hi + 1]; s++) hl.append(el('li', 'loc', ms(H.sT[s]) + ' ' + S[H.sKind[s]] + ' \u2192 ' + H.sCount[s] + ' ' + siteText(H.sSite[s])));
    panel.append(hl);
  }

  // Related: other objects from the same allocation site (cheap to find, and usually the question asked next).
  const related = el('div');
  let shownRelated = 0;
  for (let j = 0; j < nObj && shownRelated < 5; j++) {
    if (j !== i && O.site[j] === O.site[i] && O.site[i] >= 0) { related.append(button('#' + O.id[j], 'link', openObject(O.id[j])), document.createTextNode(' ')); shownRelated++; }
  }
  if (shownRelated) panel.append(el('h3', '', 'Same allocation site'), related);
  panel.hidden = false;
  panel.focus();
}
document.addEventListener('keydown', e => { if (e.key === 'Escape') $('drill').hidden = true; });

applyTheme(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
setRange(0, D.durationMs);
show(0);
document.body.dataset.ready = 'true';
})();
