// The page: headline, charts, tables, unit view, and live refresh. Uses charts.js helpers.
const PAGE = 50;
const LEVEL_RANK = {none: 0, builds: 1, fuzzed: 2, tested: 3};
const ui = {data: null, sort: {key: null, dir: 1}, limit: PAGE, open: null,
            scale: "linear", matches: []};

function setBar(id, part, whole) {
  const bar = $(id), pct = whole ? Math.min(100, 100 * part / whole) : 0;
  bar.querySelector(".fill").style.width = pct + "%";
  bar.setAttribute("aria-valuenow", pct.toPrecision(3));
  bar.setAttribute("aria-valuetext", fmtPct(part, whole));
}

function text(id, value) { $(id).textContent = value; }

function renderHeadline(d) {
  const t = d.totals, p = d.projection || {};
  text("generated-at", fmtDate(d.generated_at, true));
  $("generated-at").setAttribute("datetime", d.generated_at);
  text("target-names", d.targets.length ? "· " + d.targets.map((x) => x.name).join(", ") : "");
  text("headline-loc-secured", fmtInt(t.loc_secured));
  text("headline-goal", fmtInt(d.goal_loc));
  setBar("headline-goal-bar", t.loc_secured, d.goal_loc);
  text("headline-goal-share", `${fmtPct(t.loc_secured, d.goal_loc)} of the Great Refactor goal; ` +
       `${fmtInt(Math.max(0, d.goal_loc - t.loc_secured))} lines to go.`);
  text("headline-share", fmtPct(t.loc_secured, t.loc));
  setBar("headline-share-bar", t.loc_secured, t.loc);
  text("headline-project-secured", fmtInt(t.loc_secured));
  text("headline-project-loc", fmtInt(t.loc));
  text("headline-units-secured", fmtInt(t.units_secured));
  text("headline-units", fmtInt(t.units));
  text("headline-cost", fmtMoney(t.cost));
  text("headline-tokens-in", fmtInt(t.tokens_in));
  text("headline-tokens-out", fmtInt(t.tokens_out));
  text("headline-cost-per-kloc", t.cost_per_1000_loc_secured === null ? "– (nothing secured)"
       : fmtMoney(t.cost_per_1000_loc_secured));
  text("headline-eta", p.eta ? fmtDate(p.eta, false) : "not yet known");
  text("headline-rate", p.rate_per_day ? `at ${fmtInt(p.rate_per_day)} lines a day` : "basis: under the chart");
  document.title = `Great Refactor: ${fmtInt(t.loc_secured)} of ${fmtInt(d.goal_loc)} lines secured`;
}

function renderBurnup(d) {
  $("burnup-chart").replaceChildren(burnupChart(d, ui.scale));
  const p = d.projection || {};
  const lead = p.eta ? `At this pace (${fmtInt(p.rate_per_day)} lines a day) the ` +
    `${fmtInt(d.goal_loc)}-line goal is reached on ${fmtDate(p.eta, false)}.` : "No projected completion date yet.";
  text("projection-text", `${lead} Basis: ${p.basis || "not stated"}.`.replace(/\.\.$/, "."));
  $("history-table").tBodies[0].replaceChildren(...(d.history || []).map((h) =>
    el("tr", {}, el("td", {}, fmtDate(h.at, true)), el("td", {class: "n"}, fmtInt(h.loc_secured)))));
}

function renderSummaryTables(d) {
  const failures = d.failures || [], most = Math.max(1, ...failures.map((f) => f.units));
  const rows = failures.map((f) => {
    const bar = el("span", {class: "failure-bar"});
    bar.style.width = (100 * f.units / most) + "%";
    return el("tr", {}, el("td", {}, f.reason, bar), el("td", {class: "n"}, fmtInt(f.units)));
  });
  if (!rows.length) rows.push(el("tr", {}, el("td", {colspan: 2, class: "muted"}, "Nothing is held back.")));
  $("failure-table").tBodies[0].replaceChildren(...rows);
  $("target-table").tBodies[0].replaceChildren(...d.targets.map((t) => el("tr", {},
    el("th", {scope: "row", title: t.root || ""}, t.name), el("td", {class: "n"}, fmtInt(t.loc)),
    el("td", {class: "n"}, `${fmtInt(t.loc_secured)} (${fmtPct(t.loc_secured, t.loc)})`),
    el("td", {class: "n"}, fmtInt(t.units)), el("td", {class: "n"}, fmtInt(t.units_secured)),
    el("td", {class: "n"}, `${fmtInt(t.tokens_in)} / ${fmtInt(t.tokens_out)}`),
    el("td", {class: "n"}, fmtMoney(t.cost)))));
}

function fillSelect(id, values) {
  const sel = $(id), keep = sel.value;
  sel.replaceChildren(sel.options[0], ...values.map((v) => el("option", {value: v}, v)));
  sel.value = values.includes(keep) ? keep : "";
}

function matches(u, q, level, lang, target) {
  if (level === "secured" && !u.secured) return false;
  if (level === "unsecured" && u.secured) return false;
  if (level in LEVEL_RANK && u.level !== level) return false;
  if (lang && u.language !== lang) return false;
  if (target && u.target !== target) return false;
  if (!q) return true;
  return [u.name, u.path, u.target, u.kind, u.id, u.backend, u.reason, u.level]
    .some((v) => v && String(v).toLowerCase().includes(q));
}

function sortValue(u, key) {
  if (key === "level") return LEVEL_RANK[u.level] ?? -1;
  if (key === "secured") return u.secured ? 1 : 0;
  const v = u[key];
  return v === null || v === undefined ? "" : v;
}

function computeMatches() {
  const q = $("unit-filter").value.trim().toLowerCase();
  const level = $("unit-level").value, lang = $("unit-language").value, target = $("unit-target").value;
  const rows = ui.data.units.filter((u) => matches(u, q, level, lang, target));
  const {key, dir} = ui.sort;
  if (key) {
    rows.sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      if (typeof x === "number" && typeof y === "number") return dir * (x - y);
      return dir * String(x).localeCompare(String(y));
    });
  }
  ui.matches = rows;
}

function unitRow(u) {
  const level = u.secured ? el("span", {class: "badge secured"}, u.level)
    : el("span", {class: "badge " + (u.level || "")}, u.level || "–");
  return el("tr", {"data-unit-id": u.id, "data-level": u.level, "data-loc": u.loc},
    el("td", {}, u.target || ""), el("td", {class: "path"}, u.path || ""),
    el("td", {}, el("button", {type: "button", class: "unit-open", "data-unit-id": u.id,
                              title: u.reason || null}, u.name)),
    el("td", {}, u.kind || ""), el("td", {class: "n"}, fmtInt(u.loc)), el("td", {}, level),
    el("td", {}, u.secured ? "yes" : "no"),
    el("td", {class: "n"}, u.unsafe_lines ? el("span", {class: "badge warn"}, fmtInt(u.unsafe_lines)) : "0"),
    el("td", {}, u.backend || "–"), el("td", {class: "n"}, fmtInt(u.attempts ?? 0)),
    el("td", {class: "n"}, fmtMoney(u.cost ?? 0)));
}

function renderUnits() {
  computeMatches();
  const shown = ui.matches.slice(0, ui.limit);
  const body = $("unit-table").tBodies[0];
  body.replaceChildren(...shown.map(unitRow));
  if (!shown.length) body.append(el("tr", {}, el("td", {colspan: 11, class: "muted"}, "No unit matches.")));
  const total = ui.data.units.length;
  text("unit-count", `Showing ${fmtInt(shown.length)} of ${fmtInt(ui.matches.length)} matching units` +
       (ui.matches.length !== total ? ` (${fmtInt(total)} in all)` : ""));
  const more = $("unit-show-more");
  more.hidden = ui.matches.length <= shown.length;
  more.textContent = `Show ${fmtInt(Math.min(PAGE * 5, ui.matches.length - shown.length))} more`;
  for (const th of $("unit-table").tHead.rows[0].cells) {
    th.setAttribute("aria-sort", th.dataset.key === ui.sort.key
      ? (ui.sort.dir > 0 ? "ascending" : "descending") : "none");
  }
}

function meta(label, value) { return el("div", {}, el("dt", {}, label), el("dd", {}, value)); }

function openUnit(id) {
  const u = ui.data.units.find((x) => x.id === id);
  if (!u) return;
  const det = (ui.data.details || {})[id];
  ui.open = id;
  text("unit-view-title", `${u.name} (${u.kind})`);
  $("unit-view-meta").replaceChildren(meta("Unit", u.id), meta("Target", u.target || "–"),
    meta("Path", u.path), meta("Language", u.language), meta("Lines", fmtInt(u.loc)),
    meta("Level", u.level), meta("Secured", u.secured ? "yes" : "no"),
    meta("Unsafe lines", fmtInt(u.unsafe_lines)), meta("Backend", u.backend || "–"),
    meta("Attempts", fmtInt(u.attempts ?? 0)), meta("Cost", fmtMoney(u.cost ?? 0)));
  const reason = $("unit-view-reason");
  reason.hidden = !u.reason;
  reason.textContent = u.reason || "";
  const missing = "Not in this report (written without details).";
  text("unit-view-c", det ? det.c || "(no C source recorded)" : missing);
  text("unit-view-rust", det ? det.rust || "(not translated yet)" : missing);
  const verdicts = det ? det.verdicts || [] : [];
  $("unit-view-verdicts").replaceChildren(...verdicts.map((v) => el("article",
    {class: "verdict " + (v.status || ""), "data-level": v.level, "data-status": v.status},
    el("h4", {}, `${v.level}: ${v.status}`, el("span", {class: "muted"}, v.isolation ? ` · isolation: ${v.isolation}` : "")),
    v.detail ? el("p", {}, v.detail) : "",
    v.evidence !== null && v.evidence !== undefined
      ? el("pre", {class: "evidence", tabindex: 0}, JSON.stringify(v.evidence, null, 2)) : "")));
  if (!verdicts.length) $("unit-view-verdicts").append(el("p", {class: "muted"}, det ? "No verification yet." : missing));
  const dialog = $("unit-view");
  if (!dialog.open) dialog.showModal();
  setHash("#unit=" + encodeURIComponent(id));
}

function closeUnit() {
  ui.open = null;
  if ($("unit-view").open) $("unit-view").close();
  setHash("");
}

function setHash(hash) {
  try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (e) { /* sandboxed */ }
}

function render(d) {
  ui.data = d;
  renderHeadline(d);
  renderBurnup(d);
  $("states-chart").replaceChildren(statesChart(d));
  $("languages-chart").replaceChildren(languagesChart(d));
  renderSummaryTables(d);
  fillSelect("unit-language", [...new Set(d.units.map((u) => u.language))].filter(Boolean).sort());
  fillSelect("unit-target", [...new Set(d.units.map((u) => u.target))].filter(Boolean).sort());
  $("unit-target").closest("label").hidden = d.targets.length < 2;
  renderUnits();
  if (ui.open) openUnit(ui.open);
  document.body.dataset.rendered = d.generated_at;
}

function startLive(seconds) {
  const status = $("live-status");
  let etag = null;
  status.hidden = false;
  status.textContent = "Live";
  const poll = async () => {
    try {
      const resp = await fetch("data.json", {cache: "no-store",
                                             headers: etag ? {"If-None-Match": etag} : {}});
      if (resp.status !== 304) {
        if (!resp.ok) throw new Error(`${resp.status} ${(await resp.text()).slice(0, 300)}`);
        const d = await resp.json();
        etag = resp.headers.get("ETag");
        render(d);
      }
      status.className = "live";
      status.textContent = "Live · checked " + new Date().toLocaleTimeString("en-GB");
    } catch (err) {
      status.className = "live error";
      status.textContent = "Live · update failed, retrying: " + err.message;
    }
    setTimeout(poll, seconds * 1000);
  };
  setTimeout(poll, seconds * 1000);
}

function init() {
  const d = JSON.parse($("dashboard-data").textContent);
  let timer = null;
  const refilter = () => { ui.limit = PAGE; renderUnits(); };
  $("unit-filter").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refilter, 120); });
  $("unit-filters").addEventListener("submit", (e) => e.preventDefault());
  for (const id of ["unit-level", "unit-language", "unit-target"]) $(id).addEventListener("change", refilter);
  $("unit-show-more").addEventListener("click", () => { ui.limit += PAGE * 5; renderUnits(); });
  for (const th of $("unit-table").tHead.rows[0].cells) {
    const label = th.textContent;
    th.replaceChildren(el("button", {type: "button", "data-sort": th.dataset.key}, label));
    th.firstChild.addEventListener("click", () => {
      const key = th.dataset.key;
      const numeric = ["loc", "unsafe_lines", "attempts", "cost", "level", "secured"].includes(key);
      ui.sort = ui.sort.key === key ? {key, dir: -ui.sort.dir} : {key, dir: numeric ? -1 : 1};
      renderUnits();
    });
  }
  $("unit-table").tBodies[0].addEventListener("click", (e) => {
    const btn = e.target.closest("button.unit-open");
    if (btn) openUnit(btn.dataset.unitId);
  });
  $("unit-view-close").addEventListener("click", closeUnit);
  $("unit-view").addEventListener("close", () => { if (ui.open) closeUnit(); });
  for (const r of document.querySelectorAll('input[name="burnup-scale"]')) {
    r.addEventListener("change", () => { ui.scale = r.value; renderBurnup(ui.data); });
  }
  render(d);
  const m = /^#unit=(.+)$/.exec(location.hash);
  if (m) openUnit(decodeURIComponent(m[1]));
  const live = document.querySelector('meta[name="refactor-live"]');
  if (live) startLive(Math.max(1, parseFloat(live.content) || 5));
}

init();
