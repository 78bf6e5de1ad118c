// The panel screen: scan the boards in position order (Empty leaves a position empty) or the panel's
// label, START once (on the screen or the jig), then each position's tile follows its run to its
// verdict and hint (polled from /api/panels/{id}). A tile shows its run's prompt with the answers,
// an ABORT button while it runs, and, when the production flow refused its board, the engineer's
// Release or Retest. Plain script, no build step, nothing loaded from outside the station.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const OPERATOR = "benchline.operator";
  let station = null;
  let serials = [];      // one per position: a serial, or null for an empty position
  let filled = 0;        // positions scanned or skipped so far
  let label = null;      // the panel label scanned instead of the serials
  let running = null;    // the panel going, by id
  let shown = null;      // the panel whose tiles are on the screen (going or ended)
  let tiles = {};        // the last state of each tile of the shown panel, by position
  let released = {};     // positions whose quarantined board an engineer released here
  let noticeSeq = null;  // the last notice of the jig's START shown
  let abortTarget = null;

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    return { status: r.status, body: await r.json() };
  }
  async function postJson(url, body) {
    const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  }
  function msg(text, bad) {
    $("serial-msg").textContent = text;
    $("serial-msg").className = "msg" + (text ? (bad ? " bad" : " ok") : "");
  }
  function errorOf(r) {
    return r.body && r.body.error ? r.body.error : "HTTP " + r.status;
  }
  function operator() {
    return $("operator-name").value.trim();
  }

  function tile(position, t, prompt) {
    tiles[position] = t;
    const el = $("tile-" + position);
    const state = t.state || "waiting";
    el.className = "tile " + (t.verdict ? t.verdict : state) + (position === filled + 1 && !running && !shown ? " next" : "");
    el.querySelector(".serial").textContent = t.serial || "";
    const refused = state === "refused";
    el.querySelector(".verdict").textContent = t.verdict ? t.verdict
      : refused ? (released[position] ? "RELEASED" : t.refused === "quarantined" ? "QUARANTINED" : "PASSED BEFORE")
      : state === "empty" ? "EMPTY" : state === "running" ? "TESTING" : t.serial ? "READY" : "";
    el.querySelector(".hint").textContent = t.verdict && t.verdict !== "PASS"
      ? (t.failed_step ? "at " + t.failed_step + ": " : "")
        + (t.verdict === "ABORTED" ? t.message + " — " + (t.hint || "") : t.hint || t.message || "")
      : refused ? (released[position] ? released[position] : t.message)
      : state === "running" && t.step ? t.step : "";
    el.querySelector(".abort").hidden = state !== "running";
    el.querySelector(".release").hidden = !(refused && t.refused === "quarantined" && !released[position]);
    el.querySelector(".test").hidden = !(refused && released[position]);
    el.querySelector(".retest").hidden = !(refused && t.refused === "already-passed");
    showPrompt(el, state === "running" ? prompt : null);
  }

  // ---- a tile's prompt: its text, picture and answers; answered for that run only -------------
  function showPrompt(el, p) {
    const box = el.querySelector(".prompt");
    const key = p ? p.run_id + "/" + p.step : "";
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    box.hidden = !p;
    if (!p) return;
    box.querySelector(".prompt-text").textContent = p.text;
    const img = box.querySelector("img");
    img.hidden = !p.picture;
    if (p.picture) { img.src = p.picture; img.alt = p.text; } else { img.removeAttribute("src"); }
    const answers = box.querySelector(".prompt-answers");
    answers.innerHTML = "";
    box.querySelector(".prompt-msg").textContent = "";
    p.answers.forEach((a) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = a;
      b.className = p.pass.includes(a) ? "yes" : "no";
      b.addEventListener("click", () => answer(box, p, a));
      answers.appendChild(b);
    });
  }

  async function answer(box, p, a) {
    const buttons = box.querySelectorAll(".prompt-answers button");
    buttons.forEach((b) => (b.disabled = true));
    const url = "/api/runs/" + p.run_id + "/prompts/" + encodeURIComponent(p.step) + "/answer";
    const r = await postJson(url, { answer: a, operator: operator() });
    if (r.status !== 200) {
      box.querySelector(".prompt-msg").textContent = "Not taken: " + errorOf(r);
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  function drawScanned() {
    shown = null;
    tiles = {};
    released = {};
    for (let p = 1; p <= station.positions; p++) {
      const s = serials[p - 1];
      tile(p, p <= filled ? (s ? { serial: s, state: "waiting" } : { state: "empty" }) : {}, null);
    }
    arm();
  }

  // the jig's START starts what the screen holds
  function arm() {
    const list = [];
    for (let p = 0; p < station.positions; p++) list.push(p < filled ? serials[p] : null);
    postJson("/api/panels/arm", label ? { panel_label: label, operator: operator() } : { serials: list, operator: operator() })
      .catch(() => {});
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
    const text = $("serial").value.trim();
    $("serial").value = "";
    if (!text || running) return;
    if (station.panel_label_pattern && filled === 0) {
      const l = await getJson("/api/panel-label?label=" + encodeURIComponent(text));
      if (l.body.valid) {
        label = text;
        serials = l.body.serials;
        filled = station.positions;
        drawScanned();
        msg("panel " + text + ": " + serials.length + " boards, press START", false);
        return;
      }
    }
    if (serials.slice(0, filled).includes(text)) {
      msg(text + " is on the panel already", true);
      return;
    }
    const check = await getJson("/api/serial-check?serial=" + encodeURIComponent(text));
    if (!check.body.valid) {
      msg(check.body.message, true);
      return;
    }
    if (label) return msg("the panel label filled every position: press START (or Clear)", true);
    place(text);
  }

  async function start() {
    if (running) return;
    if (!operator()) {
      msg("enter your name (Operator) before the first panel", true);
      $("operator-name").focus();
      return;
    }
    localStorage.setItem(OPERATOR, operator());
    const list = [];
    for (let p = 0; p < station.positions; p++) list.push(p < filled ? serials[p] : null);
    const r = await postJson("/api/panels", label ? { panel_label: label, operator: operator() } : { serials: list, operator: operator() });
    if (r.status !== 202) {
      msg(errorOf(r), true);
      return;
    }
    follow(r.body.id);
  }

  async function follow(id) {
    running = id;
    shown = id;
    $("abort-panel").hidden = false;
    $("start").disabled = true;
    msg("panel " + id + " testing", false);
    const r = await getJson("/api/panels/" + id);
    const prompts = {};
    (r.body.prompts || []).forEach((p) => (prompts[p.run_id] = p));
    r.body.positions.forEach((t) => tile(t.position, t, t.run_id ? prompts[t.run_id] : null));
    if (r.body.state === "done") {
      running = null;
      serials = [];
      filled = 0;
      label = null;
      $("abort-panel").hidden = true;
      $("start").disabled = false;
      msg(r.body.error ? r.body.error : "panel " + id + " done: scan the next panel", !!r.body.error);
      $("serial").focus();
      return;
    }
    setTimeout(() => follow(id), 250);
  }

  // A panel started elsewhere (the jig's START, a line controller) is followed; START problems shown.
  async function watchStation() {
    try {
      if (!running) {
        const s = (await getJson("/api/station")).body;
        if (s.notice && s.notice.seq !== noticeSeq) {
          if (noticeSeq !== null) msg(s.notice.message, true);
          noticeSeq = s.notice.seq;
        }
        if (s.current_panel && s.current_panel !== shown) {
          const p = await getJson("/api/panels/" + s.current_panel);
          if (p.body.state === "running") follow(s.current_panel);
        }
      }
    } catch (e) {
      // the station is away; try again
    }
    setTimeout(watchStation, 500);
  }

  function clear() {
    if (running) return;
    serials = [];
    filled = 0;
    label = null;
    drawScanned();
    msg("", false);
    $("serial").focus();
  }

  // ---- the production flow on a tile: an engineer releases or confirms, then it runs ---------
  let flowPosition = null;

  function openRelease(position) {
    flowPosition = position;
    $("release-text").textContent = "Board " + tiles[position].serial + " (position " + position + "): "
      + tiles[position].message + ". An engineer releases it, saying why.";
    $("release-msg").textContent = "";
    $("release-pin").value = "";
    $("release-reason").value = "";
    $("release-dialog").showModal();
    $("release-engineer").focus();
  }

  async function release(e) {
    e.preventDefault();
    const position = flowPosition;
    const serial = tiles[position].serial;
    const r = await postJson("/api/boards/" + encodeURIComponent(serial) + "/release", {
      engineer: $("release-engineer").value.trim(),
      pin: $("release-pin").value,
      reason: $("release-reason").value.trim(),
    });
    $("release-pin").value = "";
    if (r.status === 200) {
      $("release-dialog").close();
      released[position] = "released by " + r.body.released_by + ": " + r.body.reason + " — press Test";
      tile(position, tiles[position], null);
      $("tile-" + position).querySelector(".test").focus();
    } else {
      $("release-msg").textContent = errorOf(r);
      $("release-pin").focus();
    }
  }

  function openRetest(position) {
    flowPosition = position;
    $("retest-text").textContent = "Board " + tiles[position].serial + " (position " + position
      + ") already has a PASS. Test it again? An engineer confirms.";
    $("retest-msg").textContent = "";
    $("retest-pin").value = "";
    $("retest-dialog").showModal();
    $("retest-engineer").focus();
  }

  async function retest(e) {
    e.preventDefault();
    const r = await startPosition(flowPosition, {
      confirm_retest: true,
      engineer: $("retest-engineer").value.trim(),
      pin: $("retest-pin").value,
    });
    $("retest-pin").value = "";
    if (r.status === 202) {
      $("retest-dialog").close();
    } else {
      $("retest-msg").textContent = errorOf(r);
      $("retest-pin").focus();
    }
  }

  async function startPosition(position, extra) {
    const body = Object.assign({ operator: operator() }, extra || {});
    const r = await postJson("/api/panels/" + shown + "/positions/" + position + "/start", body);
    if (r.status === 202) {
      delete released[position];
      if (!running) follow(shown);
    } else if (!extra) {
      msg("position " + position + " not started: " + errorOf(r), true);
    }
    return r;
  }

  // ---- abort: one tile's run, or the whole panel ----------------------------------------------
  function askAbort(target) {
    abortTarget = target;
    const d = $("abort-dialog");
    if (target.run) {
      $("abort-title").textContent = "Abort position " + target.position + "?";
      $("abort-text").textContent = "Run " + target.run + " stops now: its DUT power is switched off and the board is not judged. The other positions go on.";
    } else {
      $("abort-title").textContent = "Abort the panel?";
      $("abort-text").textContent = "Every run of panel " + target.panel + " stops now: DUT power off, no board judged.";
    }
    $("abort-reason").value = "operator pressed ABORT";
    d.returnValue = "no";
    d.showModal();
    $("abort-reason").select();
  }

  async function abortConfirmed() {
    const target = abortTarget;
    if ($("abort-dialog").returnValue !== "yes" || !target) return;
    const reason = $("abort-reason").value.trim() || "operator pressed ABORT";
    const url = target.run ? "/api/runs/" + target.run + "/abort" : "/api/panels/" + target.panel + "/abort";
    const r = await postJson(url, { reason: reason, operator: operator() });
    if (r.status !== 200 && r.status !== 202) msg("Not aborted: " + errorOf(r), true);
  }

  async function init() {
    station = (await getJson("/api/station")).body;
    $("product").textContent = station.product;
    $("plan").textContent = station.plan + " v" + station.plan_version;
    $("batch").textContent = station.batch;
    $("positions").textContent = station.positions;
    $("operator-name").value = localStorage.getItem(OPERATOR) || "";
    if (station.panel_label_pattern) $("serial").placeholder = "scan the panel label, or the boards in position order";
    noticeSeq = station.notice ? station.notice.seq : null;
    const container = $("tiles");
    for (let p = 1; p <= station.positions; p++) {
      const el = document.createElement("div");
      el.id = "tile-" + p;
      el.setAttribute("role", "status");
      el.innerHTML = '<div class="pos">position ' + p + '</div><div class="serial"></div>'
        + '<div class="verdict"></div><div class="hint"></div>'
        + '<section class="prompt" hidden aria-live="assertive"><img alt="" hidden><div class="prompt-body">'
        + '<div class="prompt-text"></div><div class="prompt-answers"></div><div class="prompt-msg"></div></div></section>'
        + '<div class="actions">'
        + '<button type="button" class="abort" hidden>ABORT</button>'
        + '<button type="button" class="release" hidden>Release… (engineer)</button>'
        + '<button type="button" class="test" hidden>Test</button>'
        + '<button type="button" class="retest" hidden>Retest… (engineer)</button></div>';
      const position = p;
      el.querySelector(".abort").addEventListener("click", () =>
        askAbort({ position: position, run: tiles[position].run_id }));
      el.querySelector(".release").addEventListener("click", () => openRelease(position));
      el.querySelector(".test").addEventListener("click", () => startPosition(position, null));
      el.querySelector(".retest").addEventListener("click", () => openRetest(position));
      container.appendChild(el);
    }
    drawScanned();
    $("scan").addEventListener("submit", (e) => { e.preventDefault(); scanned(); });
    $("skip").addEventListener("click", () => { if (!running && !label) place(null); $("serial").focus(); });
    $("clear").addEventListener("click", clear);
    $("start").addEventListener("click", start);
    $("operator-name").addEventListener("change", arm);
    $("abort-panel").addEventListener("click", () => { if (running) askAbort({ panel: running }); });
    $("abort-dialog").addEventListener("close", abortConfirmed);
    $("release-form").addEventListener("submit", release);
    $("release-no").addEventListener("click", () => $("release-dialog").close());
    $("retest-form").addEventListener("submit", retest);
    $("retest-no").addEventListener("click", () => $("retest-dialog").close());
    if (station.current_panel) {
      const p = await getJson("/api/panels/" + station.current_panel);
      if (p.body.state === "running") follow(station.current_panel);
    }
    watchStation();
  }
  init();
})();
