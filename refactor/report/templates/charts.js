// Helpers and the inline-SVG charts. Concatenated before dashboard.js into one scope.
const NF = new Intl.NumberFormat("en-US");
const SVGNS = "http://www.w3.org/2000/svg";
const STATE_ORDER = ["secured", "tested", "fuzzed", "builds", "none", "pending", "skipped", "failed"];
const STATE_LABEL = {
  secured: "secured", tested: "tested (not secured)", fuzzed: "fuzzed (not secured)",
  builds: "builds", none: "translated, not verified", pending: "not translated yet",
  skipped: "skipped", failed: "failed"};

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v; else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) node.append(c instanceof Node ? c : String(c ?? ""));
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : String(c));
  return node;
}

function fmtInt(n) { return n === null || n === undefined ? "–" : NF.format(Math.round(n)); }

function fmtMoney(x) {
  if (x === null || x === undefined) return "–";
  if (x !== 0 && Math.abs(x) < 0.01) return "$" + x.toPrecision(2);
  return "$" + x.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
}

function fmtPct(part, whole) {
  if (!whole) return "–";
  const p = 100 * part / whole;
  if (p === 0) return "0%";
  if (p < 0.01) return p.toPrecision(2) + "%";
  return p.toLocaleString("en-US", {maximumFractionDigits: p < 10 ? 2 : 1}) + "%";
}

function fmtDate(iso, withTime) {
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  const opts = {year: "numeric", month: "short", day: "numeric", timeZone: "UTC"};
  if (withTime) Object.assign(opts, {hour: "2-digit", minute: "2-digit", hour12: false});
  return d.toLocaleString("en-US", opts) + (withTime ? " UTC" : "");
}

function chartFrame(width, height, title, desc) {
  const id = "c" + Math.random().toString(36).slice(2, 8);
  return svg("svg", {viewBox: `0 0 ${width} ${height}`, role: "img",
                     "aria-labelledby": `${id}t ${id}d`},
             svg("title", {id: id + "t"}, title), svg("desc", {id: id + "d"}, desc));
}

// Burn-up of lines secured. "linear": this project's scale, the goal marked off-scale at the
// top; "log": 1 .. the goal, so both the demo and the goal fit.
function burnupChart(d, scale) {
  const W = 1120, H = 250, L = 78, R = 24, T = 30, B = 34;
  const goal = d.goal_loc, hist = (d.history || []).map(
    (h) => ({t: new Date(h.at).getTime(), y: h.loc_secured})).filter((h) => !isNaN(h.t));
  const last = hist.length ? hist[hist.length - 1] : null;
  const frame = chartFrame(W, H, "Lines secured over time",
    hist.length ? `${hist.length} verify runs; now ${fmtInt(last.y)} of ${fmtInt(goal)} lines`
                : "No verify run recorded yet");
  if (!hist.length) {
    frame.append(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"},
                     "No verify run recorded yet: run `refactor verify` or `refactor run`."));
    return frame;
  }
  const DAY = 86400000, rate = (d.projection || {}).rate_per_day;
  let t0 = hist[0].t, t1 = last.t;
  if (t1 - t0 < 3600000) { t0 -= 1800000; t1 += 1800000; }
  const tEnd = t1 + (t1 - t0) * 0.25;
  const projY = rate ? last.y + rate * (tEnd - last.t) / DAY : null;
  const scanned = d.totals.loc;
  const x = (t) => L + (W - L - R) * (t - t0) / (tEnd - t0);
  let y, ticks, top;
  if (scale === "log") {
    top = Math.pow(10, Math.ceil(Math.log10(Math.max(goal, 10))));
    const lg = (v) => Math.log10(Math.max(v, 1));
    y = (v) => T + (H - T - B) * (1 - lg(v) / lg(top));
    ticks = [];
    for (let v = 1; v <= top; v *= 10) ticks.push(v);
  } else {
    const max = Math.max(scanned, ...hist.map((h) => h.y), projY || 0, 10) * 1.08;
    const step = Math.pow(10, Math.floor(Math.log10(max / 4)));
    const unit = [1, 2, 5, 10].map((m) => m * step).find((s) => max / s <= 6) || step * 10;
    top = Math.ceil(max / unit) * unit;
    y = (v) => T + (H - T - B) * (1 - v / top);
    ticks = [];
    for (let v = 0; v <= top + 1e-9; v += unit) ticks.push(v);
  }
  for (const v of ticks) {
    frame.append(svg("line", {x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid-line"}),
                 svg("text", {x: L - 8, y: y(v) + 4, "text-anchor": "end"},
                     scale === "log" && v >= 1e6 ? (v >= 1e9 ? NF.format(v / 1e9) + "B" : NF.format(v / 1e6) + "M") : fmtInt(v)));
  }
  const withTime = tEnd - t0 < 3 * DAY;
  for (let i = 0; i <= 4; i++) {
    const t = t0 + (tEnd - t0) * i / 4;
    frame.append(svg("text", {x: x(t), y: H - B + 18, "text-anchor": i === 0 ? "start" : i === 4 ? "end" : "middle"},
                     fmtDate(new Date(t).toISOString(), withTime).replace(/, \d{4}/, "")));
  }
  frame.append(svg("line", {x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis"}));
  const pts = hist.map((h) => `${x(h.t).toFixed(1)},${y(h.y).toFixed(1)}`);
  frame.append(svg("path", {class: "secured-area",
    d: `M${x(hist[0].t).toFixed(1)},${y(0)} L${pts.join(" L")} L${x(last.t).toFixed(1)},${y(0)} Z`}));
  if (scanned > 0 && scanned <= top) {
    frame.append(svg("line", {x1: L, x2: W - R, y1: y(scanned), y2: y(scanned), class: "scanned-line"}),
                 svg("text", {x: L + 6, y: y(scanned) - 5, class: "label"},
                     `all scanned code: ${fmtInt(scanned)} lines`));
  }
  if (projY !== null) {
    frame.append(svg("path", {class: "projection-line",
      d: `M${x(last.t).toFixed(1)},${y(last.y).toFixed(1)} L${x(tEnd).toFixed(1)},${y(Math.min(projY, top)).toFixed(1)}`}));
  }
  frame.append(svg("path", {class: "secured-line", d: "M" + pts.join(" L")}));
  for (const h of hist) {
    frame.append(svg("circle", {cx: x(h.t), cy: y(h.y), r: 3.5, class: "point"},
                     svg("title", {}, `${fmtDate(new Date(h.t).toISOString(), true)}: ${fmtInt(h.y)} lines secured`)));
  }
  frame.append(svg("text", {x: x(last.t) + 8, y: y(last.y) - 8, class: "label now"},
                   `${fmtInt(last.y)} lines secured`));
  const goalText = `goal: ${fmtInt(goal)} lines`;
  if (goal <= top) {
    frame.append(svg("line", {x1: L, x2: W - R, y1: y(goal), y2: y(goal), class: "goal-line"}),
                 svg("text", {x: W - R, y: y(goal) - 6, "text-anchor": "end", class: "goal-text"}, goalText));
  } else {
    frame.append(svg("line", {x1: L, x2: W - R, y1: T - 14, y2: T - 14, class: "goal-line"}),
                 svg("text", {x: W - R, y: T - 2, "text-anchor": "end", class: "goal-text"},
                     `↑ ${goalText}, ${NF.format(Math.round(goal / top))}× above this scale`));
  }
  return frame;
}

// Horizontal bars: rows of {label, value, total?, cls}; `total` draws value as its secured part.
function barChart(rows, title, unitsWord) {
  const W = 520, rowH = 30, L = 170, R = 90, H = rows.length * rowH + 8;
  const max = Math.max(1, ...rows.map((r) => r.total ?? r.value));
  const frame = chartFrame(W, H, title,
    rows.map((r) => `${r.label}: ${fmtInt(r.value)}${r.total !== undefined ? " of " + fmtInt(r.total) : ""} ${unitsWord}`).join("; "));
  rows.forEach((r, i) => {
    const yy = 4 + i * rowH, span = W - L - R;
    const g = svg("g", {"data-row": r.key});
    g.append(svg("text", {x: L - 8, y: yy + 17, "text-anchor": "end", class: "label"}, r.label));
    if (r.total !== undefined) {
      g.append(svg("rect", {x: L, y: yy + 5, height: 16, rx: 3, width: Math.max(2, span * r.total / max),
                            class: "fill-track"}));
    }
    g.append(svg("rect", {x: L, y: yy + 5, height: 16, rx: 3, class: `fill-${r.cls}`,
                          width: r.value ? Math.max(2, span * r.value / max) : 0}));
    const tail = r.total !== undefined ? `${fmtInt(r.value)} / ${fmtInt(r.total)}` : fmtInt(r.value);
    g.append(svg("text", {x: W - R + 6, y: yy + 17, class: "label"}, tail));
    frame.append(g);
  });
  return frame;
}

function statesChart(d) {
  const s = d.states || {};
  const keys = STATE_ORDER.filter((k) => k in s).concat(Object.keys(s).filter((k) => !STATE_ORDER.includes(k)));
  return barChart(keys.map((k) => ({key: k, label: STATE_LABEL[k] || k, value: s[k] || 0,
                                    cls: STATE_LABEL[k] ? k : "none"})), "Units by state", "units");
}

function languagesChart(d) {
  const langs = Object.entries(d.languages || {});
  const rows = langs.map(([k, v]) => ({key: k, label: `${k.toUpperCase()} (${fmtInt(v.units)} units)`,
                                       value: v.loc_secured, total: v.loc, cls: "secured"}));
  return barChart(rows, "Lines secured by language", "lines secured");
}
