'use strict';
// The dashboard's script: plain modern JS, no framework. Every name from the program reaches the DOM through
// textContent or setAttribute, never innerHTML, so it displays literally. Tables render only the rows in view.
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
const plural = (n, one, many) => count(n) + ' ' + (n === 1 ? one : many);
// Powers of 1024 with IEC units and at most one decimal, as the SVG charts write them.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
function bytes(n) {
  if (n < 0) return 'unknown';
  let i = 0, d = 1;
  while (i < UNITS.length - 1 && n >= d * 1024) { d *= 1024; i++; }
  if (i === 0) return n + ' B';
  const v = (n / d).toFixed(1);
  return (v.endsWith('.0') ? v.slice(0, -2) : v) + ' ' + UNITS[i];
}
const ms = t => (t < 0 ? '' : (t < 1000 ? t.toFixed(3) + ' ms' : (t / 1000).toFixed(3) + ' s'));
// A duration short enough for a card: three significant digits.
const duration = t => (t >= 1000 ? (t / 1000).toFixed(t >= 10000 ? 1 : 2) + ' s' : t.toFixed(t >= 100 ? 0 : t >= 10 ? 1 : 2) + ' ms');
const thread = t => (t < 0 ? 'unknown' : String(t));
const hex = k => '0x' + k.toString(16);
// What a missing allocation site means: the object was made by code MemScope did not weave, and first seen when stored.
const OUTSIDE = 'outside tracked code';

// ---- source locations: shown relative to the folder every source file shares, the line never cut off,
// linked to the editor chosen when the page was written (MEMSCOPE_EDITOR)
const SITE = D.site;
const siteMethod = i => (i < 0 ? '' : S[SITE.method[i]]);
const siteFile = i => (i < 0 || SITE.file[i] < 0 ? null : S[SITE.file[i]]);
const relative = f => (D.root && f.startsWith(D.root) ? f.slice(D.root.length) : f);
function siteText(i) {
  if (i < 0) return '';
  const f = siteFile(i);
  return f === null ? siteMethod(i) : relative(f) + ':' + SITE.line[i];
}
const absolute = f => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f);
function editorHref(i) {
  const f = siteFile(i);
  if (!D.editor || f === null || !absolute(f)) return null;
  let path = f.replace(/\\/g, '/');
  if (!path.startsWith('/')) path = '/' + path;
  const inQuery = D.editor.indexOf('?') >= 0 && D.editor.indexOf('?') < D.editor.indexOf('{path}');
  const href = D.editor.split('{path}').join(inQuery ? encodeURIComponent(path) : encodeURI(path)).split('{line}').join(String(SITE.line[i]));
  return /^\s*(javascript|data|vbscript):/i.test(href) ? null : href;
}
// A location as "folder/" (shortened from the left when space runs out) and "File.cs:line" (never shortened).
function locNode(i, link) {
  const f = siteFile(i);
  const href = link ? editorHref(i) : null;
  const node = el(href ? 'a' : 'span', 'loc' + (href ? ' editor' : ''));
  if (i < 0) return node;
  if (f === null) { node.append(el('span', 'file', siteMethod(i))); return node; }
  const rel = relative(f), cut = Math.max(rel.lastIndexOf('/'), rel.lastIndexOf('\\')) + 1;
  if (cut > 0) { const dir = el('span', 'dir'); dir.append(el('span', '', rel.slice(0, cut))); node.append(dir); }
  node.append(el('span', 'file', rel.slice(cut) + ':' + SITE.line[i]));
  node.title = f + ':' + SITE.line[i] + ' (' + siteMethod(i) + ')' + (href ? ' \u2014 open in ' + D.editorName : '');
  if (href) node.href = href;
  return node;
}
// A location with its method, for the drill-down and the diagnosis.
function where(i) {
  const span = el('span', 'where');
  if (i < 0) { span.append(el('span', 'method', OUTSIDE)); return span; }
  span.append(locNode(i, true));
  if (i >= 0 && siteFile(i) !== null) span.append(el('span', 'method', ' ' + siteMethod(i)));
  return span;
}
// "crc32 in libz.so.1" for a P/Invoke site named "libz.so.1!crc32".
function callName(i) {
  const n = i < 0 ? '' : str(SITE.name[i]);
  const bang = n.indexOf('!');
  return bang < 0 ? (n || siteMethod(i)) : n.slice(bang + 1) + ' in ' + n.slice(0, bang);
}

// ---- the things a finding can be about: managed objects (rows of O) and native resources (rows of N)
const O = D.obj, N = D.native, L = D.leak, V = D.viol, H = D.handle, P = D.pinv;
const nObj = O.id.length, nNative = N.kind.length;
const rowOf = new Map();
for (let i = 0; i < nObj; i++) rowOf.set(O.id[i], i);
function multi(map, k, v) { let a = map.get(k); if (!a) map.set(k, a = []); a.push(v); }
const violByObj = new Map(), violByNative = new Map();
for (let v = 0; v < V.kind.length; v++) {
  if (V.native[v] >= 0) multi(violByNative, V.native[v], v); else multi(violByObj, V.obj[v], v);
}
const leakByObj = new Map(), leakByNative = new Map();
for (let l = 0; l < L.obj.length; l++) {
  if (L.native[l] >= 0) leakByNative.set(L.native[l], l); else leakByObj.set(L.obj[l], l);
}
const handleBy = new Map();
for (let h = 0; h < H.obj.length; h++) handleBy.set(H.obj[h], h);
const callsByObj = new Map();
for (let a = 0; a < H.aObj.length; a++) multi(callsByObj, H.aObj[a], a);
const watched = i => O.w[i] !== 0;
const disposedSite = new Map();
for (let k = 0; k < O.dispRow.length; k++) disposedSite.set(O.dispRow[k], O.dispSite[k]);
const dispSite = i => (disposedSite.has(i) ? disposedSite.get(i) : -1);
const nativeLive = j => S[N.status[j]] === 'live';
function nativeWhat(j) {
  const k = S[N.kind[j]];
  return k === 'nativeBlock' ? 'native block' : k === 'poolArray' ? 'pooled array' : 'GCHandle (' + k + ')';
}
const nativeLabel = j => nativeWhat(j) + (N.var[j] >= 0 ? " '" + S[N.var[j]] + "'" : '') + ' (' + S[N.api[j]] + ')';
const objectLabel = i => S[O.type[i]] + (O.var[i] >= 0 ? " '" + S[O.var[i]] + "'" : '') + ' #' + O.id[i];

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
const nativeInRange = j => range.full || (N.at[j] <= range.t1 && (N.relAt[j] < 0 || N.relAt[j] >= range.t0));

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
$('meta').textContent = 'started ' + D.startedAt + ' \u00b7 ' + count(D.totals.events) + ' events' + (D.root ? ' \u00b7 sources in ' + D.root : '');

// ---- memory timeline (canvas): live bytes of objects and native blocks together, native alone, and the GC heap once a GC ran
const timeline = (() => {
  const canvas = $('timeline');
  const ctx = canvas.getContext('2d');
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const hasNative = D.tl.native.some(v => v > 0);
  const hasHeap = D.gc.heap.some(v => v > 0), hasFrag = D.gc.frag.some(v => v > 0);
  let maxY = 1;
  for (const v of D.tl.live) maxY = Math.max(maxY, v);
  if (hasHeap) for (const v of D.gc.heap) maxY = Math.max(maxY, v);
  // The legend names only what is drawn.
  const keys = $('keys');
  function key(color, text, title) {
    const k = el('span', 'key'); const sw = el('span', 'sw'); sw.style.background = 'var(' + color + ')';
    k.append(sw, el('span', '', text)); if (title) k.title = title; keys.append(k);
  }
  key('--live', 'live bytes (objects + native)', 'Tracked objects from allocation to collection, and native blocks from allocation to free');
  if (hasNative) key('--native', 'of which native');
  if (hasHeap) key('--heap', 'GC heap');
  if (hasFrag) key('--frag', 'fragmentation');
  if (!D.gc.t.length) keys.append(el('span', 'key muted', 'GC not sampled'));
  else if (!hasHeap) keys.append(el('span', 'key muted', 'no GC ran while recording'));
  let mark = null;
  function x(t, w) { return (t - range.t0) / (range.t1 - range.t0) * w; }
  const y = (v, h) => h - 16 - v / maxY * (h - 26);
  function line(ts, vs, w, h, color, step, fill) {
    if (!ts.length) return;
    ctx.strokeStyle = color; ctx.lineWidth = 1.5; ctx.beginPath();
    let prevY = 0;
    for (let i = 0; i < ts.length; i++) {
      const px = x(ts[i], w), py = y(vs[i], h);
      if (i === 0) ctx.moveTo(px, py);
      else { if (step) ctx.lineTo(px, prevY); ctx.lineTo(px, py); }
      prevY = py;
    }
    ctx.stroke();
    if (fill) {
      ctx.lineTo(x(ts[ts.length - 1], w), h - 16); ctx.lineTo(x(ts[0], w), h - 16); ctx.closePath();
      ctx.globalAlpha = 0.15; ctx.fillStyle = color; ctx.fill(); ctx.globalAlpha = 1;
    }
  }
  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (!w || !h) return;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = css('--panel'); ctx.fillRect(0, 0, w, h);
    ctx.strokeStyle = css('--line'); ctx.beginPath(); ctx.moveTo(0, h - 16); ctx.lineTo(w, h - 16);
    ctx.moveTo(0, y(maxY / 2, h)); ctx.lineTo(w, y(maxY / 2, h)); ctx.stroke();
    if (mark) {
      // The object or block open in the drill-down: its life as a band.
      const a = Math.max(0, x(mark.t0, w)), b = Math.min(w, x(mark.t1 < 0 ? range.t1 : mark.t1, w));
      ctx.globalAlpha = 0.18; ctx.fillStyle = css(mark.bad ? '--bad' : '--accent'); ctx.fillRect(a, 0, Math.max(b - a, 2), h - 16); ctx.globalAlpha = 1;
      ctx.fillStyle = css('--bad');
      for (const t of mark.events) ctx.fillRect(x(t, w) - 1, 0, 3, h - 16);
    }
    // GC marks: a tick wherever a gen2 collection happened between two samples.
    ctx.fillStyle = css('--bad');
    for (let i = 1; i < D.gc.t.length; i++) if (D.gc.gen2[i] > D.gc.gen2[i - 1]) ctx.fillRect(x(D.gc.t[i], w) - 1, h - 16, 2, 6);
    if (hasHeap) line(D.gc.t, D.gc.heap, w, h, css('--heap'), false, false);
    if (hasFrag) line(D.gc.t, D.gc.frag, w, h, css('--frag'), false, false);
    line(D.tl.t, D.tl.live, w, h, css('--live'), true, true);
    if (hasNative) line(D.tl.t, D.tl.native, w, h, css('--native'), true, false);
    ctx.fillStyle = css('--muted'); ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(ms(range.t0), 4, h - 3);
    const end = ms(range.t1); ctx.fillText(end, w - ctx.measureText(end).width - 4, h - 3);
    ctx.fillText(bytes(maxY), 4, 11);
    ctx.fillText(bytes(Math.round(maxY / 2)), 4, y(maxY / 2, h) - 3);
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

  // Redrawn whenever its size changes: a window resize, or the drill-down opening beside it.
  new ResizeObserver(() => draw()).observe(canvas);
  return { draw, mark: m => { mark = m; draw(); } };
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
  // As tall as its rows, up to most of the screen.
  body.style.height = 'min(60vh, 34rem, ' + (Math.max(spec.count, 2) * ROW_H + 4) + 'px)';
  box.setAttribute('role', 'grid'); box.setAttribute('aria-label', spec.name);
  const spacer = el('div'); const rowsBox = el('div', 'vt-rows');
  const empty = el('p', 'empty', spec.empty || 'Nothing to show.');
  body.append(spacer, rowsBox, empty);
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
    empty.hidden = spec.count > 0;
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
      const row = el('div', 'vt-row' + (spec.rowClass ? ' ' + spec.rowClass(i) : '')); row.style.gridTemplateColumns = template;
      row.setAttribute('role', 'row'); row.tabIndex = 0; row.dataset.row = String(i);
      for (const c of spec.columns) {
        let cell;
        if (c.node) { cell = el('span', 'cell'); cell.append(c.node(i)); cell.title = c.text(i); }
        else { cell = el('span', c.num ? 'num' : '', c.text(i)); cell.title = cell.textContent; }
        if (c.cls) cell.classList.add(...c.cls(i).split(' ').filter(Boolean));
        cell.setAttribute('role', 'gridcell'); row.append(cell);
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
// A location column: the folder shortens, "File.cs:line" stays; searched and sorted by its relative text.
// `none`: what a missing site means in this column (an object tracked code did not allocate), else blank.
const locCol = (label, sites, none) => ({ label, width: 'minmax(7rem,1fr)',
  text: i => (sites(i) < 0 ? none || '' : siteText(sites(i))),
  node: i => (sites(i) < 0 ? el('span', 'muted', none || '') : locNode(sites(i), false)) });
const sevCol = (label, sev) => col(label, i => sev(i), { width: '5.5rem', cls: i => 'sev-text ' + sev(i) });

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
const objLife = new Float64Array(nObj);
for (let i = 0; i < nObj; i++) objLife[i] = !watched(i) ? NaN : O.end[i] < 0 ? Infinity : O.end[i] - O.alloc[i];
const hasActivities = O.act.some(a => a >= 0);

// ---- words: the JSON files' vocabulary, said plainly
const VIOLATION = {
  doubleDispose: ['disposed a second time', 'first disposed at'],
  useAfterDispose: ['used after Dispose', 'disposed at'],
  useOfClosedHandle: ['used after the handle was closed', 'closed at'],
  doubleFree: ['freed a second time; MemScope stopped this free before it reached the allocator', 'first freed at'],
  freeOfUnknownPointer: ['freed, but tracked code never allocated it (allocated elsewhere, or a stray pointer)', ''],
  freedPointerPassedToNative: ['passed to native code after it was freed', 'freed at'],
  refcountBelowZero: ['DangerousRelease without a matching DangerousAddRef', 'opened at'],
  doubleReturn: ['returned to its pool a second time (or never rented by tracked code)', 'first returned at'],
};
function violationWhat(v) {
  const j = V.native[v];
  if (j >= 0) return nativeLabel(j);
  const type = str(V.type[v]), name = str(V.var[v]);
  return (type || 'object') + (name ? " '" + name + "'" : '');
}
function violationText(v) {
  const k = S[V.kind[v]], words = VIOLATION[k];
  if (!words) return S[V.msg[v]];
  if (k === 'useAfterDispose' || k === 'useOfClosedHandle') {
    const member = str(SITE.name[V.site[v]]);
    if (SITE.kind[V.site[v]] >= 0 && S[SITE.kind[V.site[v]]] === 'pinvoke') return 'passed to ' + callName(V.site[v]) + ' after the handle was closed';
    if (member) return member + ' called after ' + (k === 'useAfterDispose' ? 'Dispose' : 'the handle was closed');
  }
  if (k === 'freedPointerPassedToNative') return 'passed to ' + callName(V.site[v]) + ' after it was freed';
  return words[0];
}
const relatedWords = v => (VIOLATION[S[V.kind[v]]] || ['', 'related site'])[1] || 'related site';
const LEAK = { undisposed: 'never disposed', overwrittenUndisposed: 'overwritten while undisposed', safeHandle: 'never closed',
  handleReference: 'closed with a DangerousAddRef not released',
  nativeBlock: 'never freed', gcHandle: 'never freed', poolArray: 'never returned to its pool' };
const leakWhat = l => (L.native[l] >= 0 ? nativeLabel(L.native[l]) : S[L.type[l]] + (L.var[l] >= 0 ? " '" + S[L.var[l]] + "'" : ''));
// A managed leak's reason says more than its kind (still alive, or collected without Dispose); a native one's kind says it all.
const leakWhy = l => (L.native[l] >= 0 ? LEAK[S[L.kind[l]]] || S[L.reason[l]] : S[L.reason[l]]);
const HOLD_END = { scopeEnd: 'its scope ended', overwritten: 'overwritten', collected: 'the object was collected', stillHeld: 'still held' };
const STEP = {
  acquired: j => (S[N.kind[j]] === 'poolArray' ? 'rented' : 'allocated'),
  released: j => (S[N.kind[j]] === 'poolArray' ? 'returned to its pool' : 'freed'),
  releasedAgain: j => (S[N.kind[j]] === 'poolArray' ? 'returned again' : 'freed again'),
  moved: () => 'reallocated: moved to ',
  passedToNative: () => 'passed to ',
  passedAfterRelease: () => 'passed after it was freed to ',
};

// ---- views
const views = [];
function view(name, build) { views.push({ name, build, built: null }); }

// A long recording's page carries every total but per-row detail for a bounded set only; each table says so and where the rest is.
const SHOWN = D.shown, TRACE = D.name + '.mscope';
const partial = {
  objects: [SHOWN.objects, D.totals.objects, 'objects', 'those in a finding, then the largest and the longest-lived', 'memscope objects ' + TRACE + ' [--type T] [--site S]'],
  leaks: [SHOWN.leaks, D.totals.leaks, 'leaks', 'the first of each kind and site, then the earliest', 'memscope report ' + TRACE + ' (every leak in _memory_analysis.json)'],
  violations: [SHOWN.violations, D.totals.violations, 'violations', 'the first of each kind and site, then the earliest', 'memscope report ' + TRACE + ' (every violation in _security_violations.json)'],
  native: [SHOWN.native, SHOWN.nativeAll, 'native resources', 'those in a finding, then the earliest', 'memscope report ' + TRACE + ' (_unsafe_ffi.json)'],
};
function partialNote(host, what) {
  const [shown, all, noun, which, command] = partial[what];
  if (shown >= all) return;
  const p = el('p', 'legend partial', 'Showing ' + count(shown) + ' of ' + count(all) + ' ' + noun + ' (' + which + '); full detail: ');
  p.append(el('code', '', command));
  host.append(p);
}

// One entry of a story or a list: when, what, where (a location linked to the editor).
function storyItem(list, t, text, site, cls) {
  const li = el('li', cls || '');
  if (t !== null && t >= 0) li.append(el('span', 'when', ms(t)));
  li.append(el('span', 'what', text));
  if (site !== undefined && site !== null && site >= 0) li.append(where(site));
  list.append(li);
  return li;
}

view('Overview', host => {
  const t = D.totals;
  const cards = el('div', 'cards');
  function card(label, value, detail, level) {
    const c = el('div', 'card' + (level ? ' ' + level : ''));
    c.append(el('div', 'label', label), el('div', 'value', value), el('div', 'detail', detail));
    cards.append(c);
  }
  const nativeParts = [plural(t.nativeBlocks, 'block', 'blocks')];
  if (t.gcHandles) nativeParts.push(plural(t.gcHandles, 'GCHandle', 'GCHandles'));
  if (t.poolRents) nativeParts.push(plural(t.poolRents, 'pooled array', 'pooled arrays'));
  card('live at the end', bytes(t.liveBytes + t.nativeLiveBytes),
    bytes(t.liveBytes) + ' in ' + plural(t.liveObjects, 'object', 'objects') + (t.nativeBlocks ? ', ' + bytes(t.nativeLiveBytes) + ' native in ' + plural(t.nativeLive, 'block', 'blocks') : ''));
  card('peak live bytes', bytes(t.peakBytes), 'objects + native blocks' + (t.peakBytes > 0 ? ', at ' + ms(t.peakMs) : ''));
  card('leaks', count(t.leaks), t.leaks ? bytes(t.leakedBytes) + ' never given back' : 'nothing left behind', t.leaks ? 'error' : 'ok');
  card('violations', count(t.violations), t.violations ? plural(t.errors, 'error', 'errors') + ', ' + plural(t.warnings, 'warning', 'warnings') : 'no misuse caught',
    t.errors ? 'error' : t.warnings ? 'warning' : 'ok');
  card('tracked objects', count(t.objects), bytes(t.bytes) + ' allocated' + (SHOWN.objects < t.objects ? '; ' + count(SHOWN.objects) + ' shown in detail' : ''));
  card('native memory', bytes(t.nativeBytes), t.nativeBlocks || t.gcHandles || t.poolRents ? nativeParts.join(', ') + ' allocated' : 'none allocated by tracked code');
  card('GC runs', t.gcSamples ? count(t.gcCollections) : 'not sampled', !t.gcSamples ? 'MEMSCOPE_GC_SAMPLE_MS=0' : t.gcCollections ? count(t.gen2Collections) + ' of them gen2' : 'no GC ran while recording');
  card('recording', duration(D.durationMs), plural(t.threads, 'thread', 'threads') + ', ' + plural(t.events, 'event', 'events') +
    (t.dropped ? ', ' + count(t.dropped) + ' dropped' : '') + (t.faults ? ', ' + plural(t.faults, 'recorder fault', 'recorder faults') : ''), t.dropped || t.faults ? 'warning' : '');
  host.append(cards);
  partialNote(host, 'objects');

  const columns = el('div', 'overview');
  const left = el('section', 'diag-panel'), right = el('section', 'end-panel');
  columns.append(left, right);
  host.append(columns);
  left.append(el('h2', '', 'Diagnosis (' + D.diag.length + ')'));
  if (!D.diag.length) left.append(el('p', 'none', 'Nothing to report: no leak, no misuse, no pattern above its threshold.'));
  else {
    const list = el('ol', 'diag');
    D.diag.forEach((f, fi) => {
      const li = el('li', 'finding ' + f.sev);
      const head = el('div', 'finding-head');
      head.append(el('span', 'sev ' + f.sev, f.sev), button(findingText(f), 'finding-open', () => openFinding(fi)));
      li.append(head);
      if (f.site >= 0) li.append(where(f.site));
      if (f.ev.length) {
        const ev = el('details', 'ev'); ev.append(el('summary', '', 'evidence'));
        const ul = el('ul'); for (const e of f.ev) ul.append(el('li', '', e));
        ev.append(ul); li.append(ev);
      }
      list.append(li);
    });
    left.append(list);
  }
  right.append(el('h2', '', 'Live at the end'));
  const ends = liveAtEnd();
  if (!ends.length) right.append(el('p', 'none', 'Nothing tracked was live at the end.'));
  else {
    ends.sort((a, b) => sizeOf(b) - sizeOf(a));
    const ul = el('ul', 'end-list');
    for (const m of ends.slice(0, 8)) {
      const li = el('li');
      li.append(button(memberLabel(m) + ' \u00b7 ' + bytes(sizeOf(m)), 'link', () => openMember(m)), el('div', 'ev', (!isNative(m) && retentionPaths(m).length ? 'held by ' : '') + heldByText(m)));
      ul.append(li);
    }
    if (ends.length > 8) ul.append(el('li', 'ev', count(ends.length - 8) + ' more in the \u201cAt the end\u201d view'));
    right.append(ul);
  }
});

// Members: managed objects as their row i (>= 0), native resources as -(j + 1).
const isNative = m => m < 0;
const nat = m => -m - 1;
const memberLabel = m => (isNative(m) ? nativeLabel(nat(m)) : objectLabel(m));
const sizeOf = m => (isNative(m) ? N.size[nat(m)] : O.size[m]);
const openMember = m => (isNative(m) ? drill({ native: nat(m) }) : drill({ obj: O.id[m] }));
function liveAtEnd() {
  const all = [];
  for (let i = 0; i < nObj; i++) if (watched(i) && O.end[i] < 0) all.push(i);
  for (let j = 0; j < nNative; j++) if (nativeLive(j)) all.push(-j - 1);
  return all;
}
// Who keeps it alive: one path per holder still holding it. Each path is a list of steps from a holder to the
// object, so paths from GC roots through other objects fit the same shape.
function retentionPaths(i) {
  const paths = [];
  for (let h = O.hold[i]; h < O.hold[i + 1]; h++) {
    if (S[D.hold.end[h]] === 'stillHeld') paths.push({ steps: [{ name: str(D.hold.name[h]) || '(unnamed)', kind: S[SITE.kind[D.hold.site[h]]], site: D.hold.site[h], since: D.hold.bound[h] }] });
  }
  return paths;
}
function heldByText(m) {
  if (isNative(m)) return 'nothing: still allocated, never freed';
  const paths = retentionPaths(m);
  if (!paths.length) return 'no tracked variable or field' + (O.disp[m] >= 0 ? '; disposed,' : ';') + ' not collected yet';
  return paths.map(p => p.steps.map(s => s.name + ' (' + s.kind + ', ' + siteText(s.site) + ')').join(' \u2190 ')).join('; ');
}

view('Lifetimes', host => {
  const tools = el('div', 'vt-tools');
  const by = el('select'); by.setAttribute('aria-label', 'Group lifetimes by');
  for (const [v, l] of [['var', 'group by variable'], ['type', 'group by type']]) { const o = el('option', '', l); o.value = v; by.append(o); }
  tools.append(by, el('span', 'legend', 'Bars: objects (blue) from allocation to collection, native blocks (teal) from allocation to free; red: leaked, faint: collection not watched. Marks: green dispose or free, grey collect, red violation. Click a bar or a name.'));
  const body = el('div', 'vt-body'); const spacer = el('div'); const rows = el('div', 'vt-rows');
  body.append(spacer, rows);
  const box = el('div', 'vt'); box.append(tools, body); host.append(box);
  const LT_H = 30, MAX_BARS = 80;
  let groups = [];
  function group() {
    const map = new Map(), byType = by.value === 'type';
    for (let i = 0; i < nObj; i++) if (objInRange(i)) multi(map, byType ? O.type[i] : O.var[i], i);
    for (let j = 0; j < nNative; j++) if (nativeInRange(j)) multi(map, byType ? N.api[j] : N.var[j], -j - 1);
    groups = [...map.entries()].sort((a, b) => b[1].length - a[1].length || (str(a[0]) < str(b[0]) ? -1 : 1));
    spacer.style.height = groups.length * LT_H + 'px';
    render();
  }
  function mark(track, t, cls, left, span) {
    if (t < 0 || t < range.t0 || t > range.t1) return;
    const m = el('span', 'mark ' + cls); m.style.left = ((t - left) / span * 100) + '%'; track.append(m);
  }
  function bar(track, a0, e0, cls, label, open, left, span) {
    const a = Math.max(a0, left), e = e0 < 0 ? range.t1 : Math.min(e0, range.t1);
    const b = button('', 'bar' + cls, open);
    b.style.left = ((a - left) / span * 100) + '%'; b.style.width = Math.max((e - a) / span * 100, 0.3) + '%';
    b.setAttribute('aria-label', label); b.title = label;
    track.append(b);
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
      const label = button(name + ' (' + count(members.length) + ')', 'var', () => openMember(members[0]));
      label.dataset.name = name; label.title = name; label.dataset.kind = isNative(members[0]) ? 'native' : 'object';
      const track = el('div', 'track');
      for (const m of members.slice(0, MAX_BARS)) {
        if (isNative(m)) {
          const j = nat(m);
          bar(track, N.at[j], N.relAt[j], ' native' + (leakByNative.has(j) ? ' leak' : ''), nativeLabel(j) + ' ' + hex(N.key[j]), () => drill({ native: j }), left, span);
          mark(track, N.relAt[j], 'disp', left, span);
          for (const v of violByNative.get(j) || []) mark(track, V.t[v], 'viol', left, span);
        } else {
          const i = m;
          bar(track, O.alloc[i], O.end[i], (leakByObj.has(O.id[i]) ? ' leak' : '') + (watched(i) ? '' : ' unwatched'),
            S[O.type[i]] + ' #' + O.id[i] + (watched(i) ? '' : ' (collection not watched)'), () => drill({ obj: O.id[i] }), left, span);
          mark(track, O.disp[i], 'disp', left, span);
          mark(track, O.end[i], 'coll', left, span);
          for (const v of violByObj.get(O.id[i]) || []) mark(track, V.t[v], 'viol', left, span);
        }
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

view('Allocations', host => partialNote(host, 'objects') || virtualTable(host, {
  name: 'allocations', count: nObj, inRange: objInRange, open: i => drill({ obj: O.id[i] }),
  filters: [byType(O.type), bySize(O.size), byLifetime(objLife), byThread(O.thread), byActivity(O.act)],
  columns: [
    numCol('id', O.id, String, { width: '6rem' }),
    col('type', i => S[O.type[i]]),
    col('variable', i => str(O.var[i])),
    numCol('bytes', O.size, bytes, { width: '6rem' }),
    numCol('allocated', O.alloc, ms, { width: '7rem' }),
    col('lifetime', i => (!watched(i) ? 'not watched' : O.end[i] < 0 ? 'live' : ms(O.end[i] - O.alloc[i])), { num: true, sort: i => (!watched(i) ? -1 : O.end[i] < 0 ? Infinity : O.end[i] - O.alloc[i]), width: '7rem' }),
    numCol('thread', O.thread, thread, { width: '4.5rem' }),
    locCol('site', i => O.site[i], OUTSIDE),
  ].concat(hasActivities ? [col('activity', i => str(O.act[i]))] : []) }));

view('Leaks', host => partialNote(host, 'leaks') || virtualTable(host, {
  name: 'leaks', count: L.obj.length, open: i => drill({ leak: i }), empty: 'No leaks: everything tracked code acquired was given back.',
  filters: [byType(L.type), bySize(L.size)],
  columns: [
    col('kind', i => S[L.kind[i]], { width: '9rem' }), col('what', i => leakWhat(i)),
    numCol('bytes', L.size, bytes, { width: '6rem' }), locCol('created at', i => L.site[i]), col('reason', i => S[L.reason[i]]),
  ] }));

view('Violations', host => partialNote(host, 'violations') || virtualTable(host, {
  name: 'violations', count: V.kind.length, inRange: i => inRange(V.t[i]), open: i => drill({ viol: i }), empty: 'No violations: no misuse was caught.',
  filters: [byType(V.type), byThread(V.thread)],
  columns: [
    sevCol('severity', i => S[V.sev[i]]), col('kind', i => S[V.kind[i]], { width: '9rem' }),
    col('what happened', i => violationWhat(i) + ': ' + violationText(i), { width: 'minmax(0,3fr)' }),
    locCol('at', i => V.site[i]), locCol('related site', i => V.rel[i]), numCol('time', V.t, ms, { width: '6.5rem' }),
  ] }));

const nativeLife = Float64Array.from(N.at, (t, i) => (N.relAt[i] < 0 ? Infinity : N.relAt[i] - t));
view('Native memory', host => partialNote(host, 'native') || virtualTable(host, {
  name: 'native blocks', count: nNative, inRange: nativeInRange, open: j => drill({ native: j }),
  empty: 'Tracked code allocated no native memory, GCHandle or pooled array.',
  rowClass: j => (leakByNative.has(j) ? 'bad' : ''),
  filters: [bySize(N.size), byLifetime(nativeLife), byThread(N.thread)],
  columns: [
    // Few fixed columns: with the drill-down open beside it the table still shows every one (times are in the story).
    col('api', i => (S[N.kind[i]] === 'nativeBlock' ? S[N.api[i]] : nativeWhat(i) + ', ' + S[N.api[i]]), { width: 'minmax(7rem,1.2fr)' }),
    col('variable', i => str(N.var[i]), { width: 'minmax(5rem,1fr)' }),
    col('address', i => hex(N.key[i]), { width: '8rem' }), numCol('bytes', N.size, bytes, { width: '5rem' }),
    col('status', i => S[N.status[i]], { width: '5rem', cls: i => (nativeLive(i) ? 'sev-text error' : '') }),
    numCol('lifetime', nativeLife, v => (v === Infinity ? 'live' : ms(v)), { width: '6rem' }),
    locCol('allocated at', i => N.site[i]), locCol('freed at', i => N.relSite[i]),
  ] }));

view('Handles', host => virtualTable(host, {
  name: 'handles', count: H.obj.length, open: i => drill({ obj: H.obj[i] }), empty: 'Tracked code used no SafeHandle.',
  columns: [
    numCol('object', H.obj, String, { width: '6rem' }), col('type', i => (rowOf.has(H.obj[i]) ? S[O.type[rowOf.get(H.obj[i])]] : 'SafeHandle')),
    col('raw', i => hex(H.raw[i]), { width: '8rem' }),
    locCol('opened at', i => H.open[i]), locCol('closed at', i => H.close[i]),
    col('refcount steps', i => { const p = []; for (let s = H.steps[i]; s < H.steps[i + 1]; s++) p.push(S[H.sKind[s]] + '\u2192' + H.sCount[s]); return p.join(', '); }),
  ] }));

view('P/Invoke', host => virtualTable(host, {
  name: 'P/Invoke calls', count: P.site.length, open: i => drill({ site: P.site[i] }), empty: 'Tracked code made no P/Invoke call.',
  columns: [
    col('function', i => callName(P.site[i])), locCol('called at', i => P.site[i]),
    numCol('calls', P.calls, count, { width: '5rem' }), numCol('total', P.totalMs, ms, { width: '7rem' }), numCol('max', P.maxMs, ms, { width: '7rem' }),
    numCol('pointer args', P.ptr, count, { width: '7rem' }), numCol('handle args', P.hnd, count, { width: '7rem' }), numCol('threads', P.threads, count, { width: '5rem' }),
  ] }));

view('At the end', host => {
  const members = liveAtEnd().sort((a, b) => sizeOf(b) - sizeOf(a));
  host.append(el('p', 'legend', 'Everything tracked that was still live when the recording ended, and what held it then: the variables and fields still holding each object (full paths from GC roots are not recorded), or the native blocks nothing freed.'));
  virtualTable(host, {
    name: 'live at the end', count: members.length, open: r => openMember(members[r]), empty: 'Nothing tracked was live at the end.',
    columns: [
      col('what', r => memberLabel(members[r]), { width: 'minmax(0,1.5fr)' }), col('bytes', r => bytes(sizeOf(members[r])), { num: true, sort: r => sizeOf(members[r]), width: '6rem' }),
      col('held by', r => heldByText(members[r]), { width: 'minmax(0,1.5fr)' }),
      locCol('allocated at', r => (isNative(members[r]) ? N.site[nat(members[r])] : O.site[members[r]]), OUTSIDE),
    ] });
});

const T = D.types;
view('Types', host => virtualTable(host, {
  name: 'types', count: T.type.length, filters: [byType(T.type)],
  columns: [
    col('type', i => S[T.type[i]]), numCol('objects', T.objects, count, { width: '7rem' }), numCol('bytes', T.bytes, bytes, { width: '7rem' }),
    numCol('live', T.live, count, { width: '6rem' }), numCol('live bytes', T.liveBytes, bytes, { width: '7rem' }),
  ] }));

const ST = D.sites;
view('Sites', host => virtualTable(host, {
  name: 'sites', count: ST.site.length, filters: [byType(ST.type)], open: i => drill({ site: ST.site[i] }),
  columns: [
    locCol('site', i => ST.site[i], OUTSIDE), col('method', i => siteMethod(ST.site[i])), col('type', i => S[ST.type[i]]),
    numCol('objects', ST.objects, count, { width: '7rem' }), numCol('bytes', ST.bytes, bytes, { width: '7rem' }), numCol('live', ST.live, count, { width: '6rem' }),
  ] }));

view('Threads', host => {
  const th = D.threads, ac = D.acts;
  host.append(el('h2', '', 'Threads'));
  virtualTable(host, { name: 'threads', count: th.id.length, filters: [byThread(th.id)], columns: [
    numCol('thread', th.id, thread, { width: '6rem' }), col('name', i => str(th.name[i])), numCol('objects', th.objects, count), numCol('bytes', th.bytes, bytes) ] });
  host.append(el('h2', '', 'Activities'));
  virtualTable(host, { name: 'activities', count: ac.name.length, filters: [byActivity(ac.name)],
    empty: 'No System.Diagnostics.Activity was current while tracked code allocated.', columns: [
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

// ---- the diagnosis in plain words: what, how much, one location (shown beside it)
function findingText(f) {
  if (f.leak >= 0) {
    const l = f.leak, reason = leakWhy(l);
    const size = f.bytes > 0 ? ' (' + bytes(f.bytes) + (f.count > 1 ? ' in total' : '') + ')' : '';
    return (f.count > 1 ? count(f.count) + ' \u00d7 ' + S[L.type[l]] : leakWhat(l)) + ': ' + reason + size;
  }
  if (f.viol >= 0) return violationWhat(f.viol) + ': ' + violationText(f.viol) + (f.count > 1 ? ' (' + plural(f.count, 'time', 'times') + ')' : '');
  return f.msg;
}
function openFinding(fi) {
  const f = D.diag[fi];
  if (f.leak >= 0) drill({ leak: f.leak, finding: fi });
  else if (f.viol >= 0) drill({ viol: f.viol, finding: fi });
  else drill({ site: f.site, finding: fi });
}

// ---- drill-down: the story of one object, native resource, violation, leak or site
const panel = $('drill');
function section(title) { panel.append(el('h3', '', title)); }
function facts() {
  const dl = el('dl'); panel.append(dl);
  return (k, v, cls) => { dl.append(el('dt', '', k)); const dd = el('dd', cls || ''); if (typeof v === 'string') dd.textContent = v; else dd.append(v); dl.append(dd); return dd; };
}
function drill(target) {
  panel.replaceChildren();
  panel.dataset.kind = Object.keys(target).filter(k => k !== 'finding').join(' ');
  panel.append(button('Close', 'close', closeDrill));
  let mark = null;
  if (target.finding !== undefined) {
    const f = D.diag[target.finding];
    const head = el('p', 'finding-text');
    head.append(el('span', 'sev ' + f.sev, f.sev), el('span', '', findingText(f)));
    panel.append(el('h2', '', 'Finding ' + f.rank), head);
    if (f.leak >= 0 && f.count > 1) panel.append(el('p', 'ev', 'The first of ' + count(f.count) + ' at this site is shown below.'));
  }
  let obj = target.obj, native = target.native;
  if (target.leak !== undefined) {
    const l = target.leak;
    if (target.finding === undefined) {
      panel.append(el('h2', '', 'Leak'));
      const p = el('p', 'verdict error'); p.append(el('span', 'sev error', 'leak'), el('span', '', leakWhat(l) + ': ' + leakWhy(l)));
      panel.append(p);
    }
    if (L.native[l] >= 0) native = L.native[l]; else obj = L.obj[l];
  }
  if (target.viol !== undefined) {
    const v = target.viol;
    if (target.finding === undefined) {
      panel.append(el('h2', '', 'Violation (' + S[V.kind[v]] + ')'));
      const p = el('p', 'verdict ' + S[V.sev[v]]); p.append(el('span', 'sev ' + S[V.sev[v]], S[V.sev[v]]), el('span', '', violationWhat(v) + ': ' + violationText(v)));
      panel.append(p);
    }
    const item = facts();
    item('where', where(V.site[v]));
    if (V.rel[v] >= 0) item(relatedWords(v), where(V.rel[v]));
    item('when', ms(V.t[v]) + ' on thread ' + thread(V.thread[v]));
    if (V.native[v] >= 0) native = V.native[v]; else if (rowOf.has(V.obj[v])) obj = V.obj[v];
    else { section('What MemScope knows'); panel.append(el('p', 'ev', 'Tracked code did not allocate ' + hex(V.obj[v]) + ': MemScope saw only this call. ' + S[V.msg[v]])); }
  }
  if (native !== undefined) mark = nativeStory(native);
  else if (obj !== undefined) mark = objectStory(obj);
  else if (target.site !== undefined) siteStory(target.site, target.finding);
  timeline.mark(mark);
  panel.hidden = false;
  panel.focus();
}
function closeDrill() { panel.hidden = true; timeline.mark(null); }
document.addEventListener('keydown', e => { if (e.key === 'Escape' && !panel.hidden) closeDrill(); });

function objectStory(id) {
  const i = rowOf.get(id);
  if (i === undefined) {
    panel.append(el('h2', '', 'Object #' + id), el('p', '', 'MemScope did not see this object allocated by tracked code.'));
    return null;
  }
  panel.append(el('h2', '', S[O.type[i]] + ' #' + id));
  const item = facts();
  item('size', bytes(O.size[i]));
  item('allocated', ms(O.alloc[i]) + ' on thread ' + thread(O.thread[i]));
  item('allocation site', where(O.site[i]), 'loc alloc-site');
  item('disposed', O.disp[i] < 0 ? 'never' : ms(O.disp[i]) + (dispSite(i) >= 0 ? ' at ' + siteText(dispSite(i)) : ''));
  item('collected', !watched(i) ? 'not watched (sampled out by MEMSCOPE_WATCH)' : O.end[i] < 0 ? 'not collected by the end' : ms(O.end[i]));
  if (O.w[i] > 1) item('stands for', O.w[i] + ' objects of its site (a watched sample)');
  if (O.act[i] >= 0) item('activity', S[O.act[i]]);

  // The story: every event of the object in time order.
  section('Story');
  const events = [];
  const add = (t, text, site, cls) => events.push({ t, text, site, cls });
  add(O.alloc[i], 'allocated' + (O.size[i] >= 0 ? ', ' + bytes(O.size[i]) : ''), O.site[i]);
  const Hd = D.hold;
  for (let h = O.hold[i]; h < O.hold[i + 1]; h++) {
    const name = str(Hd.name[h]) || '(unnamed)', kind = S[SITE.kind[Hd.site[h]]];
    add(Hd.bound[h], 'stored in ' + kind + " '" + name + "'", Hd.site[h]);
    if (Hd.rel[h] >= 0) add(Hd.rel[h], "'" + name + "' let go: " + (HOLD_END[S[Hd.end[h]]] || S[Hd.end[h]]), Hd.endSite[h]);
  }
  if (O.disp[i] >= 0) add(O.disp[i], 'disposed', dispSite(i));
  const hi = handleBy.get(id);
  if (hi !== undefined) for (let s = H.steps[hi]; s < H.steps[hi + 1]; s++) add(H.sT[s], 'handle ' + S[H.sKind[s]] + ' (refcount ' + H.sCount[s] + ')', H.sSite[s]);
  for (const a of callsByObj.get(id) || []) add(H.aT[a], 'passed to ' + callName(H.aSite[a]) + ' (argument ' + H.aIdx[a] + ')' + (H.aClosed[a] ? ' after it was closed' : ''), H.aSite[a], H.aClosed[a] ? 'bad' : '');
  const vs = violByObj.get(id) || [];
  for (const v of vs) add(V.t[v], S[V.sev[v]] + ': ' + violationText(v), V.site[v], 'bad');
  if (O.end[i] >= 0) add(O.end[i], 'collected by the GC', -1);
  events.sort((a, b) => a.t - b.t);
  const story = el('ol', 'story');
  for (const e of events) storyItem(story, e.t, e.text, e.site, e.cls);
  panel.append(story);

  section('Holders');
  const holders = el('ul', 'holders');
  for (let h = O.hold[i]; h < O.hold[i + 1]; h++) {
    const li = el('li', 'holder');
    li.append(el('strong', 'holder-name', str(Hd.name[h]) || '(unnamed)'), el('span', '', ' '), where(Hd.site[h]));
    const endWord = S[Hd.end[h]];
    const end = Hd.rel[h] < 0 ? 'still held at the end' : 'let go at ' + ms(Hd.rel[h]) + ': ' + (HOLD_END[endWord] || endWord);
    const line = el('div', 'ev', 'bound at ' + ms(Hd.bound[h]) + ', ' + end); line.dataset.end = endWord;
    li.append(line);
    if (Hd.endSite[h] >= 0 && Hd.rel[h] >= 0) li.append(where(Hd.endSite[h]));
    if (Hd.repl[h] >= 0) li.append(button('replaced by #' + Hd.repl[h], 'link', () => drill({ obj: Hd.repl[h] })));
    holders.append(li);
  }
  if (!holders.childElementCount) holders.append(el('li', 'ev', 'No tracked variable or field held it.'));
  panel.append(holders);

  section('Who keeps it alive at the end');
  const keep = el('ul', 'retention');
  if (!watched(i)) keep.append(el('li', 'ev', 'Unknown: its collection was not watched.'));
  else if (O.end[i] >= 0) keep.append(el('li', 'ev', 'Nothing: the GC collected it at ' + ms(O.end[i]) + '.'));
  else {
    const paths = retentionPaths(i);
    for (const p of paths) {
      const li = el('li', 'path');
      p.steps.forEach((s, k) => {
        if (k) li.append(el('span', 'arrow', ' \u2190 '));
        li.append(el('strong', '', s.name), el('span', 'ev', ' (' + s.kind + ', since ' + ms(s.since) + ') '), where(s.site));
      });
      keep.append(li);
    }
    if (!paths.length) keep.append(el('li', 'ev', 'No tracked variable or field still held it: it was merely not collected yet (the GC had not run since, or untracked code holds it).'));
  }
  panel.append(keep);

  // Related: other objects from the same allocation site (cheap to find, and usually the question asked next).
  const related = el('div');
  let shownRelated = 0;
  for (let j = 0; j < nObj && shownRelated < 5; j++) {
    if (j !== i && O.site[j] === O.site[i] && O.site[i] >= 0) { related.append(button('#' + O.id[j], 'link', () => drill({ obj: O.id[j] })), document.createTextNode(' ')); shownRelated++; }
  }
  if (shownRelated) { section('Same allocation site'); panel.append(related); }
  return { t0: O.alloc[i], t1: O.end[i], bad: leakByObj.has(id) || vs.length > 0, events: vs.map(v => V.t[v]) };
}

function nativeStory(j) {
  panel.append(el('h2', '', nativeLabel(j)));
  const item = facts();
  item('address', hex(N.key[j]));
  item('size', bytes(N.size[j]));
  if (N.var[j] >= 0) item('variable', S[N.var[j]]);
  item('allocated', ms(N.at[j]) + ' on thread ' + thread(N.thread[j]));
  item('allocation site', where(N.site[j]), 'loc alloc-site');
  const status = S[N.status[j]];
  item('at the end', status === 'live' ? 'still allocated: nothing ' + STEP.released(j).split(' ')[0] + ' it' : status === 'moved' ? 'reallocated at ' + ms(N.relAt[j]) : STEP.released(j) + ' at ' + ms(N.relAt[j]), status === 'live' ? 'bad' : '');

  section('Story');
  const story = el('ol', 'story');
  const vs = violByNative.get(j) || [];
  const events = [];
  for (let s = N.steps[j]; s < N.steps[j + 1]; s++) {
    const k = S[N.sKind[s]], site = N.sSite[s];
    const api = site >= 0 ? str(SITE.decl[site]) : '';
    let text = STEP[k] ? STEP[k](j) : k;
    if (k === 'acquired' || k === 'released' || k === 'releasedAgain') text += api ? ' by ' + api : '';
    if (k === 'releasedAgain' && S[N.kind[j]] !== 'poolArray') text += ': stopped by MemScope before it reached the allocator';
    if (k === 'acquired' && N.size[j] >= 0) text += ', ' + bytes(N.size[j]);
    if (k === 'moved') text += hex(N.sVal[s]);
    if (k === 'passedToNative' || k === 'passedAfterRelease') text += callName(site) + ' (argument ' + N.sVal[s] + ')';
    events.push({ t: N.sT[s], text, site, cls: k === 'releasedAgain' || k === 'passedAfterRelease' ? 'bad' : '' });
  }
  events.sort((a, b) => a.t - b.t);
  for (const e of events) storyItem(story, e.t, e.text, e.site, e.cls);
  if (N.more[j] > 0) storyItem(story, null, 'and ' + plural(N.more[j], 'more P/Invoke call', 'more P/Invoke calls') + ' (not kept)', -1, 'ev');
  if (nativeLive(j)) storyItem(story, D.durationMs, 'still allocated when the recording ended', -1, 'bad');
  panel.append(story);

  // The resource's violations (a stopped double free, a call after the free) are steps of its story above.
  const leak = leakByNative.get(j);
  return { t0: N.at[j], t1: N.relAt[j], bad: leak !== undefined || vs.length > 0, events: vs.map(v => V.t[v]) };
}

function siteStory(s, fi) {
  if (fi !== undefined) {
    const f = D.diag[fi];
    if (f.ev.length) { const ul = el('ul', 'evidence'); for (const e of f.ev) ul.append(el('li', 'ev', e)); section('Evidence'); panel.append(ul); }
  }
  if (s < 0) return;
  panel.append(el('h2', '', fi === undefined ? 'Site ' + siteText(s) : 'Where'));
  const item = facts();
  item('location', where(s), 'loc');
  if (SITE.name[s] >= 0) item(S[SITE.kind[s]] === 'pinvoke' ? 'function' : 'name', S[SITE.kind[s]] === 'pinvoke' ? callName(s) : S[SITE.name[s]]);
  const p = P.site.indexOf(s);
  if (p >= 0) item('calls', plural(P.calls[p], 'call', 'calls') + ', ' + ms(P.totalMs[p]) + ' in total, at most ' + ms(P.maxMs[p]));
  const objects = el('div'), natives = el('div');
  let nObjects = 0, nNatives = 0;
  for (let i = 0; i < nObj; i++) {
    if (O.site[i] !== s) continue;
    if (nObjects++ < 10) objects.append(button(S[O.type[i]] + ' #' + O.id[i], 'link', () => drill({ obj: O.id[i] })), document.createTextNode(' '));
  }
  for (let j = 0; j < nNative; j++) {
    let passed = N.site[j] === s;
    for (let k = N.steps[j]; !passed && k < N.steps[j + 1]; k++) passed = N.sSite[k] === s;
    if (passed && nNatives++ < 10) natives.append(button(nativeLabel(j), 'link', () => drill({ native: j })), document.createTextNode(' '));
  }
  if (nObjects) { section('Objects allocated here (' + count(nObjects) + ')'); panel.append(objects); }
  if (nNatives) { section('Native memory allocated or used here (' + count(nNatives) + ')'); panel.append(natives); }
}

applyTheme(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
setRange(0, D.durationMs);
show(0);
document.body.dataset.ready = 'true';
})();
