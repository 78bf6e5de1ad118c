// The panel screen: scan the boards in position order (Empty leaves a position empty), START once,
// then each position's tile follows its run to its verdict and hint (polled from /api/panels/{id}).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const OPERATOR = "benchline.operator";
  let station = null;
  let serials = [];      // one per position: a serial, or null for an empty position
  let filled = 0;        // positions scanned or skipped so far
  let running = null;    // the panel going, by id

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    return { status: r.status, body: await r.json() };
  }
  async function postJson(url, body) {
    const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return { status: r.status, body: await r.json() };
  }
  function msg(text, bad) {
    $("serial-msg").textContent = text;
    $("serial-msg").className = "msg" + (text ? (bad ? " bad" : " ok") : "");
  }

  function tile(position, t) {
    const el = $("tile-" + position);
    const state = t.state || "waiting";
    el.className = "tile " + (t.verdict ? t.verdict : state) + (position === filled + 1 && !running ? " next" : "");
    el.querySelector(".serial").textContent = t.serial || "";
    el.querySelector(".verdict").textContent = t.verdict ? t.verdict
      : state === "empty" ? "EMPTY" : state === "running" ? "TESTING" : t.serial ? "READY" : "";
    el.querySelector(".hint").textContent = t.verdict && t.verdict !== "PASS"
      ? (t.failed_step ? "at " + t.failed_step + ": " : "") + (t.hint || t.message || "")
      : state === "running" && t.step ? t.step : "";
  }

  function drawScanned() {
    for (let p = 1; p <= station.positions; p++) {
      const s = serials[p - 1];
      tile(p, p <= filled ? (s ? { serial: s, state: "waiting" } : { state: "empty" }) : {});
    }
  }

  function place(serial) {
    if (filled >= station.positions) {
      msg("every position is filled: press START (or Clear)", true);
      return;
    }
    serials[filled] = serial;
    filled++;
    drawScanned();
    msg(filled < station.positions ? "position " + (filled + 1) + " next" : "panel full: press START", false);
  }

  async function scanned() {
    const serial = $("serial").value.trim();
    $("serial").value = "";
    if (!serial || running) return;
    if (serials.slice(0, filled).includes(serial)) {
      msg(serial + " is on the panel already", true);
      return;
    }
    const check = await getJson("/api/serial-check?serial=" + encodeURIComponent(serial));
    if (!check.body.valid) {
      msg(check.body.message, true);
      return;
    }
    place(serial);
  }

  async function start() {
    if (running) return;
    const operator = $("operator-name").value.trim();
    if (!operator) {
      msg("enter your name (Operator) before the first panel", true);
      $("operator-name").focus();
      return;
    }
    localStorage.setItem(OPERATOR, operator);
    const list = [];
    for (let p = 0; p < station.positions; p++) list.push(p < filled ? serials[p] : null);
    let r = await postJson("/api/panels", { serials: list, operator: operator });
    if (r.status === 409 && r.body.conflict === "already-passed"
        && confirm(r.body.serials.join(", ") + " passed already. Test again?")) {
      r = await postJson("/api/panels", { serials: list, operator: operator, confirm_retest: true });
    }
    if (r.status !== 202) {
      msg(r.body.error, true);
      return;
    }
    running = r.body.id;
    msg("panel " + running + " testing", false);
    follow(running);
  }

  async function follow(id) {
    const r = await getJson("/api/panels/" + id);
    r.body.positions.forEach((t) => tile(t.position, t));
    if (r.body.state === "done") {
      running = null;
      serials = [];
      filled = 0;
      msg(r.body.error ? r.body.error : "panel " + id + " done: scan the next panel", !!r.body.error);
      $("serial").focus();
      return;
    }
    setTimeout(() => follow(id), 250);
  }

  function clear() {
    if (running) return;
    serials = [];
    filled = 0;
    drawScanned();
    msg("", false);
    $("serial").focus();
  }

  async function init() {
    station = (await getJson("/api/station")).body;
    $("product").textContent = station.product;
    $("plan").textContent = station.plan + " v" + station.plan_version;
    $("batch").textContent = station.batch;
    $("positions").textContent = station.positions;
    $("operator-name").value = localStorage.getItem(OPERATOR) || "";
    const tiles = $("tiles");
    for (let p = 1; p <= station.positions; p++) {
      const el = document.createElement("div");
      el.id = "tile-" + p;
      el.setAttribute("role", "status");
      el.innerHTML = '<div class="pos">position ' + p + '</div><div class="serial"></div>'
        + '<div class="verdict"></div><div class="hint"></div>';
      tiles.appendChild(el);
    }
    drawScanned();
    $("scan").addEventListener("submit", (e) => { e.preventDefault(); scanned(); });
    $("skip").addEventListener("click", () => { if (!running) place(null); $("serial").focus(); });
    $("clear").addEventListener("click", clear);
    $("start").addEventListener("click", start);
    if (station.current_panel) {
      const p = await getJson("/api/panels/" + station.current_panel);
      if (p.body.state === "running") { running = p.body.id; follow(running); }
    }
  }
  init();
})();
