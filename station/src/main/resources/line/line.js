"use strict";
// The line page: reads /api/line every few seconds and redraws; a failed read keeps the last view,
// greyed, under a banner that says since when the central database has not answered.
(function () {
  const EVERY_MS = Number(new URLSearchParams(location.search).get("every")) || 3000;
  const $ = (id) => document.getElementById(id);
  let lastGood = null;

  const time = (iso) => iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : "–";
  const dateTime = (iso) => iso ? new Date(iso).toLocaleString([], { hour12: false }) : "–";
  const pct = (f) => f === null || f === undefined ? "–" : (100 * f).toFixed(1) + " %";
  const hourLabel = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });

  function cell(tr, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function ago(seconds) {
    if (seconds < 90) return Math.round(seconds) + " s";
    if (seconds < 5400) return Math.round(seconds / 60) + " min";
    return (seconds / 3600).toFixed(1) + " h";
  }

  function stations(view) {
    const body = $("stations").querySelector("tbody");
    body.replaceChildren();
    const now = new Date(view.now).getTime();
    for (const s of view.stations) {
      const tr = document.createElement("tr");
      tr.dataset.station = s.name;
      cell(tr, s.name);
      if (s.stale) {
        cell(tr, s.last_seen ? "not heard from since " + dateTime(s.last_seen) : "never heard from", "state stale");
      } else {
        cell(tr, s.state, "state " + s.state);
      }
      cell(tr, s.batch || "–");
      cell(tr, String(s.boards_today), "num boards");
      cell(tr, pct(s.first_pass_yield), "num fpy" + (s.first_pass_yield !== null && s.first_pass_yield < 0.9 ? " low" : ""));
      cell(tr, String(s.station_problems_today), "num problems");
      let backlog = "–";
      if (s.backlog > 0) {
        backlog = s.backlog + " run" + (s.backlog === 1 ? "" : "s") + " waiting";
        if (s.oldest_waiting) backlog += ", oldest " + ago((now - new Date(s.oldest_waiting).getTime()) / 1000);
      }
      cell(tr, backlog, "backlog" + (s.backlog_aged ? " aged" : ""));
      body.appendChild(tr);
    }
    $("no-stations").hidden = view.stations.length > 0;
  }

  const SVG = "http://www.w3.org/2000/svg";
  function el(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Bars: boards tested in each hour, the part that passed first in green; the yield written above.
  function hours(view) {
    const W = 720, H = 240, left = 34, bottom = 28, top = 22;
    const n = view.hours.length;
    const bw = (W - left - 4) / n;
    const max = Math.max(1, ...view.hours.map((h) => h.boards_tested));
    const y = (v) => H - bottom - (H - bottom - top) * v / max;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "boards tested and first-pass yield by hour" });
    svg.appendChild(el("line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, stroke: "#888" }));
    svg.appendChild(el("text", { x: left - 4, y: top + 4, "text-anchor": "end", "font-size": 11, fill: "#555" }, String(max)));
    svg.appendChild(el("text", { x: left - 4, y: H - bottom, "text-anchor": "end", "font-size": 11, fill: "#555" }, "0"));
    view.hours.forEach((h, i) => {
      const x = left + i * bw + 2;
      const g = el("g", { class: "hour", "data-hour": h.hour });
      if (h.boards_tested > 0) {
        g.appendChild(el("rect", { x, y: y(h.boards_tested), width: bw - 4, height: H - bottom - y(h.boards_tested), fill: "#c0172b" }));
        g.appendChild(el("rect", { x, y: y(h.passed_first), width: bw - 4, height: H - bottom - y(h.passed_first), fill: "#0b7a2a" }));
        g.appendChild(el("text", { x: x + (bw - 4) / 2, y: y(h.boards_tested) - 4, "text-anchor": "middle", "font-size": 10, fill: "#111" },
          Math.round(100 * h.first_pass_yield) + "%"));
      }
      g.appendChild(el("title", {}, `${hourLabel(h.hour)}: ${h.boards_tested} boards tested, ${h.passed_first} passed first (${pct(h.first_pass_yield)}), ${h.runs} runs, ${h.station_problems} station problems`));
      if (i % 3 === 0) {
        g.appendChild(el("text", { x: x + (bw - 4) / 2, y: H - bottom + 15, "text-anchor": "middle", "font-size": 11, fill: "#555" }, hourLabel(h.hour)));
      }
      svg.appendChild(g);
    });
    $("hours").replaceChildren(svg);
  }

  function pareto(view) {
    const body = $("pareto").querySelector("tbody");
    body.replaceChildren();
    for (const f of view.failures) {
      const tr = document.createElement("tr");
      cell(tr, f.step || "–", "step");
      cell(tr, f.hint || "");
      cell(tr, String(f.runs), "num runs");
      body.appendChild(tr);
    }
    $("no-failures").hidden = view.failures.length > 0;
  }

  function alarms(view) {
    const body = $("alarms").querySelector("tbody");
    body.replaceChildren();
    for (const a of view.alarms) {
      const tr = document.createElement("tr");
      tr.dataset.station = a.station;
      tr.dataset.alarm = a.id;
      cell(tr, a.station);
      cell(tr, a.measurement);
      cell(tr, a.rules.join(", "), "rules");
      cell(tr, String(Number(a.last_reading.toPrecision(4))) + " " + a.unit + " (" + a.last_serial + ")");
      cell(tr, String(a.points), "num");
      cell(tr, dateTime(a.opened_at));
      body.appendChild(tr);
    }
    $("no-alarms").hidden = view.alarms.length > 0;
  }

  function away(message) {
    $("away-detail").textContent = message;
    $("away-since").textContent = lastGood ? time(lastGood) : "never";
    $("away").hidden = false;
    document.body.classList.add("stale-data");
  }

  async function refresh() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), Math.max(EVERY_MS, 8000));
    try {
      const r = await fetch("/api/line", { headers: { Accept: "application/json" }, signal: abort.signal });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        away(body.error || "the line server answered " + r.status);
        return;
      }
      lastGood = body.now;
      stations(body);
      hours(body);
      pareto(body);
      alarms(body);
      $("updated").textContent = time(body.now);
      $("today").textContent = dateTime(body.today_start);
      $("away").hidden = true;
      document.body.classList.remove("stale-data");
    } catch (e) {
      away("the line server did not answer (" + (e.name === "AbortError" ? "timeout" : e.message) + ")");
    } finally {
      clearTimeout(timer);
      setTimeout(refresh, EVERY_MS);
    }
  }
  refresh();
})();
