// The operator screen: scan, START, live steps over Server-Sent Events, verdict banner, shift counts.
// Plain script, no build step, nothing loaded from outside the station.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const OPERATOR = "benchline.operator";
  const SHIFT_START = "benchline.shiftStart";
  const SHIFT_HOURS = 12;
  let checkSeq = 0;
  let lastFinished = 0;
  let runGoing = null;     // the id of the run this screen shows going
  let shownPrompt = null;  // the prompt waiting for this screen's answer

  function operator() {
    return localStorage.getItem(OPERATOR) || "";
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    return { status: r.status, body: r.headers.get("content-type")?.includes("json") ? await r.json() : null };
  }

  async function postJson(url, body) {
    const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  }

  function fmt(v, unit) {
    if (v === null || v === undefined) return "";
    const s = Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
    return unit ? s + " " + unit : s;
  }

  function limits(m) {
    if (m.low === null && m.high === null) return "";
    if (m.low === null) return "≤ " + fmt(m.high, m.unit);
    if (m.high === null) return "≥ " + fmt(m.low, m.unit);
    return fmt(m.low, "") + " … " + fmt(m.high, m.unit);
  }

  // ---- serial field ----------------------------------------------------------------------
  // The station checks serials and decides retests; the screen shows what it answers.
  async function serialProblem(serial) {
    const r = await getJson("/api/serial-check?serial=" + encodeURIComponent(serial));
    return r.body.valid ? null : r.body.message;
  }

  function sentence(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function showMessage(text, kind) {
    const m = $("serial-msg");
    m.textContent = text || "";
    m.className = "msg " + (kind || "");
  }

  async function onSerialInput() {
    const seq = ++checkSeq;
    const input = $("serial");
    const serial = input.value.trim();
    if (!serial) {
      input.className = "";
      showMessage("");
      arm(null);
      return;
    }
    const problem = await serialProblem(serial);
    if (seq !== checkSeq) return;    // a newer keystroke was checked meanwhile
    input.className = problem ? "invalid" : "valid";
    showMessage(problem ? sentence(problem) : "Serial OK — press Enter or START", problem ? "bad" : "ok");
    arm(problem ? null : serial);
  }

  function arm(serial) {
    // the jig's START button starts the armed serial
    postJson("/api/arm", { serial: serial, operator: operator() }).catch(() => {});
  }

  // confirm: null, or an engineer's {serial, engineer, pin} confirming the retest of a passed board
  async function start(confirm) {
    ++checkSeq;    // what the station answers now wins over a serial check still on its way
    const input = $("serial");
    const serial = input.value.trim();
    if (!operator()) {
      askOperator();
      return;
    }
    const body = { serial: serial, operator: operator(), confirm_retest: !!confirm && confirm.serial === serial };
    if (body.confirm_retest) {
      body.engineer = confirm.engineer;
      body.pin = confirm.pin;
    }
    const r = await postJson("/api/runs", body);
    $("release-open").hidden = true;
    if (r.status === 202) {
      if (r.body.id > lastFinished) showMessage("Run " + r.body.id + " started", "ok");
    } else if (r.status === 409 && r.body.conflict === "already-passed") {
      await askRetest(serial, "");
    } else if (r.status === 403 && body.confirm_retest) {
      await askRetest(serial, r.body.error);
    } else if (r.status === 409 && r.body.conflict === "quarantined") {
      showQuarantine(serial, r.body.reason, r.body.since);
    } else if (r.status === 409 && r.body.conflict === "golden-check-required") {
      goldenRequired(r.body.error);
    } else {
      if (r.status === 400) input.className = "invalid";
      showMessage("Not started: " + (r.body && r.body.error ? r.body.error : "HTTP " + r.status), "bad");
      input.focus();
    }
  }

  // The station said the board already passed: test it again only if an engineer confirms it.
  async function askRetest(serial, error) {
    const input = $("serial");
    const who = await confirmRetest(serial, error);
    if (who) {
      start(who);
    } else {
      showMessage("Retest cancelled", "");
      input.focus();
      input.select();
    }
  }

  // ---- dialogs ---------------------------------------------------------------------------
  function confirmRetest(serial, error) {
    const d = $("retest-dialog");
    $("retest-text").textContent = "Board " + serial + " already has a PASS. Test it again? An engineer confirms.";
    $("retest-msg").textContent = error || "";
    $("retest-pin").value = "";
    return new Promise((resolve) => {
      d.addEventListener("close", () => {
        const engineer = $("retest-engineer").value.trim();
        const pin = $("retest-pin").value;
        $("retest-pin").value = "";
        resolve(d.returnValue === "yes" ? { serial: serial, engineer: engineer, pin: pin } : null);
      }, { once: true });
      d.returnValue = "no";
      d.showModal();
      (error || !$("retest-engineer").value ? $("retest-engineer") : $("retest-pin")).focus();
    });
  }

  // ---- quarantine --------------------------------------------------------------------------
  // A board over its plan's retest limit is held until an engineer releases it, with a reason.
  let quarantinedSerial = null;

  function showQuarantine(serial, reason, since) {
    quarantinedSerial = serial;
    const detail = serial + " — " + reason + " (since " + new Date(since).toLocaleString() + ")";
    banner("QUARANTINED", "QUARANTINED", detail, "Not tested. Put the board aside, or call an engineer to release it.");
    $("release-open").hidden = false;
    showMessage("Not started: board " + serial + " is quarantined", "bad");
  }

  function openRelease() {
    const d = $("release-dialog");
    $("release-text").textContent = "Board " + quarantinedSerial + ": an engineer releases it, saying why.";
    $("release-msg").textContent = "";
    $("release-pin").value = "";
    $("release-reason").value = "";
    d.showModal();
    $("release-engineer").focus();
  }

  async function release(e) {
    e.preventDefault();
    const serial = quarantinedSerial;
    const r = await postJson("/api/boards/" + encodeURIComponent(serial) + "/release", {
      engineer: $("release-engineer").value.trim(),
      pin: $("release-pin").value,
      reason: $("release-reason").value.trim(),
    });
    $("release-pin").value = "";
    if (r.status === 200) {
      $("release-dialog").close();
      $("release-open").hidden = true;
      banner("IDLE", "RELEASED", serial + " released by " + r.body.released_by + ": " + r.body.reason, "");
      showMessage("Board " + serial + " released — press Enter or START to test it", "ok");
      $("serial").focus();
    } else {
      $("release-msg").textContent = r.body && r.body.error ? r.body.error : "HTTP " + r.status;
      $("release-pin").focus();
    }
  }

  // A run refused for an instrument past its calibration due date: an engineer may override it.
  let calibrationRole = null;
  function openCalibration() {
    $("calibration-text").textContent = "Instrument " + calibrationRole
      + " is past its calibration due date. An engineer lets the station use it for a while, saying why.";
    $("calibration-msg").textContent = "";
    $("calibration-pin").value = "";
    $("calibration-reason").value = "";
    $("calibration-dialog").showModal();
    $("calibration-engineer").focus();
  }

  async function overrideCalibration(e) {
    e.preventDefault();
    const r = await postJson("/api/calibration/override", {
      instrument: calibrationRole,
      engineer: $("calibration-engineer").value.trim(),
      pin: $("calibration-pin").value,
      reason: $("calibration-reason").value.trim(),
    });
    $("calibration-pin").value = "";
    if (r.status === 200) {
      $("calibration-dialog").close();
      $("calibration-open").hidden = true;
      banner("IDLE", "OVERRIDDEN", r.body.role + " " + r.body.instrument + " may be used until " + r.body.valid_until
        + " (" + r.body.author + ": " + r.body.reason + ")", "");
      showMessage("Calibration overridden — press Enter or START to test", "ok");
      $("serial").focus();
    } else {
      $("calibration-msg").textContent = r.body && r.body.error ? r.body.error : "HTTP " + r.status;
      $("calibration-pin").focus();
    }
  }

  $("calibration-open").addEventListener("click", openCalibration);
  $("calibration-form").addEventListener("submit", overrideCalibration);
  $("calibration-no").addEventListener("click", () => $("calibration-dialog").close());

  $("release-open").addEventListener("click", openRelease);
  $("release-form").addEventListener("submit", release);
  $("release-no").addEventListener("click", () => $("release-dialog").close());

  function askOperator() {
    const d = $("operator-dialog");
    $("operator-name").value = operator();
    d.showModal();
    $("operator-name").focus();
  }

  $("operator-dialog").addEventListener("cancel", (e) => {
    if (!operator()) e.preventDefault();   // a name is needed before the first board
  });
  $("operator-form").addEventListener("submit", () => {
    const name = $("operator-name").value.trim();
    if (!name) return;
    localStorage.setItem(OPERATOR, name);
    localStorage.setItem(SHIFT_START, String(Date.now()));
    $("operator").textContent = name;
    postJson("/api/shift", { operator: name }).then((r) => renderShift(r.body));
    setTimeout(() => $("serial").focus(), 0);
  });
  $("change-operator").addEventListener("click", askOperator);

  // ---- operator prompts and abort --------------------------------------------------------
  // The station asks (event "prompt"); the answer is posted for that run and step. The panel
  // closes when the station says the prompt ended (answered here or elsewhere, timed out, aborted).
  function showPrompt(p) {
    shownPrompt = p;
    $("prompt-text").textContent = p.text;
    const img = $("prompt-picture");
    if (p.picture) {
      img.src = p.picture;
      img.alt = p.text;
      img.hidden = false;
    } else {
      img.hidden = true;
      img.removeAttribute("src");
    }
    const box = $("prompt-answers");
    box.innerHTML = "";
    p.answers.forEach((a) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = a;
      b.className = p.pass.includes(a) ? "yes" : "no";
      b.addEventListener("click", () => answerPrompt(p, a));
      box.appendChild(b);
    });
    $("prompt-msg").textContent = "";
    $("prompt").hidden = false;
    box.firstChild.focus();
  }

  async function answerPrompt(p, answer) {
    const buttons = $("prompt-answers").querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    const url = "/api/runs/" + p.run_id + "/prompts/" + encodeURIComponent(p.step) + "/answer";
    const r = await postJson(url, { answer: answer, operator: operator() });
    if (r.status !== 200) {
      $("prompt-msg").textContent = "Not taken: " + (r.body && r.body.error ? r.body.error : "HTTP " + r.status);
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  function closePrompt(c) {
    if (shownPrompt && shownPrompt.run_id === c.run_id && shownPrompt.step === c.step) {
      shownPrompt = null;
      $("prompt").hidden = true;
    }
  }

  function askAbort() {
    if (runGoing === null) return;
    const d = $("abort-dialog");
    $("abort-text").textContent = "Run " + runGoing + " stops now: DUT power is switched off and the board is not judged.";
    $("abort-reason").value = "operator pressed ABORT";
    d.returnValue = "no";
    d.showModal();
    $("abort-reason").select();
  }

  $("abort").addEventListener("click", askAbort);
  $("abort-dialog").addEventListener("close", async () => {
    const id = runGoing;
    if ($("abort-dialog").returnValue !== "yes" || id === null) return;
    showMessage("Aborting run " + id + "…", "bad");
    const reason = $("abort-reason").value.trim() || "operator pressed ABORT";
    const r = await postJson("/api/runs/" + id + "/abort", { reason: reason, operator: operator() });
    if (r.status !== 200 && r.status !== 202) {
      showMessage("Not aborted: " + (r.body && r.body.error ? r.body.error : "HTTP " + r.status), "bad");
    }
  });

  // ---- live run --------------------------------------------------------------------------
  // The station needs a passing golden-board check for this shift before any production board.
  function goldenRequired(message) {
    $("start").disabled = false;
    document.querySelector("#steps tbody").innerHTML = "";
    showMessage("Not started: golden check required for this shift", "bad");
    banner("REFUSED", "GOLDEN CHECK REQUIRED", message, "No board is tested until the golden board passes: call the test engineer.");
  }

  function banner(kind, verdict, detail, hint) {
    $("banner").className = "banner " + kind;
    $("banner-verdict").textContent = verdict;
    $("banner-detail").textContent = detail || "";
    $("banner-hint").textContent = hint || "";
  }

  function addStep(step) {
    const tbody = document.querySelector("#steps tbody");
    const pending = document.getElementById("step-pending-" + step.seq);
    if (pending) pending.remove();
    const ms = step.measurements.length ? step.measurements : [null];
    ms.forEach((m, i) => {
      const tr = document.createElement("tr");
      tr.className = "step" + ((m ? m.verdict : step.verdict) !== "PASS" && step.verdict !== "SKIPPED" ? " bad" : "")
        + (m && m.marginal ? " marginal" : "");
      tr.dataset.step = step.name;
      const cells = [
        i === 0 ? String(step.seq) : "",
        i === 0 ? step.name : "",
        m ? m.name : step.message || "",
        m ? fmt(m.value, m.unit) : "",
        m ? limits(m) : "",
        m ? (m.marginal ? "MARGINAL" : m.verdict) : step.verdict,
      ];
      cells.forEach((c, k) => {
        const td = document.createElement("td");
        td.textContent = c;
        if (k === 3 || k === 4) td.className = "num";
        if (k === 5) td.className = c;
        if (k === 5 && m && m.marginal) td.title = "passed, in the marginal band near a limit";
        if (k === 2 && !m) td.title = c;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    tbody.parentElement.scrollTop = tbody.parentElement.scrollHeight;
  }

  // A pass with readings in their plan's marginal band names them on the banner: the step list may be scrolled past them.
  function marginalNote() {
    const rows = Array.from(document.querySelectorAll("#steps tr.marginal"));
    if (!rows.length) return "";
    return "MARGINAL (passed, near a limit): " + rows.map((tr) => tr.cells[2].textContent + " " + tr.cells[3].textContent).join(", ");
  }

  function stepStarted(s) {
    const tr = document.createElement("tr");
    tr.id = "step-pending-" + s.seq;
    tr.innerHTML = "<td></td><td></td><td></td><td></td><td></td><td class=\"RUNNING\">running…</td>";
    tr.children[0].textContent = s.seq;
    tr.children[1].textContent = s.name;
    document.querySelector("#steps tbody").appendChild(tr);
  }

  function renderShift(s) {
    if (!s) return;
    $("shift-boards").textContent = s.boards;
    $("shift-passed").textContent = s.passed;
    $("shift-failed").textContent = s.failed;
    $("shift-errors").textContent = s.errors;
    $("shift-fpy").textContent = s.first_pass_yield === null ? "–" : (100 * s.first_pass_yield).toFixed(1) + " %";
  }

  function runFinished(o) {
    lastFinished = Math.max(lastFinished, o.id);
    $("start").disabled = false;
    if (runGoing === o.id) runGoing = null;
    $("abort").hidden = true;
    if (shownPrompt && shownPrompt.run_id === o.id) closePrompt(shownPrompt);
    if (o.verdict === "PASS") {
      banner("PASS", "PASS", o.serial, marginalNote());
    } else {
      const what = o.verdict === "FAIL" ? "board failed" : o.verdict === "ABORTED" ? "run aborted" : "station problem";
      banner(o.verdict, o.verdict, o.serial + " — " + what + " at " + o.failed_step + ": " + (o.message || ""), o.hint ? "→ " + o.hint : "");
    }
    const calibrationRefused = o.verdict === "ERROR" && o.failed_step === "calibration";
    calibrationRole = calibrationRefused ? (o.message || "").split(" ")[0] : null;
    $("calibration-open").hidden = !calibrationRefused;
    renderShift(o.shift);
    const input = $("serial");
    input.value = "";
    input.className = "";
    showMessage("Scan the next board", "");
    input.focus();
  }

  function connect() {
    const es = new EventSource("/api/events");
    es.addEventListener("hello", (e) => {
      const s = JSON.parse(e.data);
      renderShift(s.shift);
      if (s.running) {
        banner("TESTING", "TESTING", "run " + s.running, "");
        runGoing = s.running;
        $("abort").hidden = false;
      }
      getJson("/api/prompts").then((r) => {
        if (r.body && r.body.length && !shownPrompt) showPrompt(r.body[0]);
      });
    });
    es.addEventListener("prompt", (e) => showPrompt(JSON.parse(e.data)));
    es.addEventListener("prompt-closed", (e) => closePrompt(JSON.parse(e.data)));
    es.addEventListener("run-started", (e) => {
      const r = JSON.parse(e.data);
      $("release-open").hidden = true;
      $("calibration-open").hidden = true;
      $("calibration-warning").hidden = true;
      $("start").disabled = true;
      runGoing = r.id;
      $("abort").hidden = false;
      document.querySelector("#steps tbody").innerHTML = "";
      banner("TESTING", "TESTING", r.serial + " — operator " + r.operator, "");
    });
    es.addEventListener("step-started", (e) => stepStarted(JSON.parse(e.data)));
    es.addEventListener("warning", (e) => {
      const w = $("calibration-warning");
      w.textContent = "⚠ " + JSON.parse(e.data).text;
      w.hidden = false;
    });
    es.addEventListener("step-finished", (e) => addStep(JSON.parse(e.data)));
    es.addEventListener("run-finished", (e) => runFinished(JSON.parse(e.data)));
    es.addEventListener("shift", (e) => renderShift(JSON.parse(e.data)));
    es.addEventListener("notice", (e) => showMessage(JSON.parse(e.data).message, "bad"));
    es.addEventListener("station-error", (e) => {
      $("start").disabled = false;
      banner("ERROR", "ERROR", JSON.parse(e.data).message, "Station problem: call the test engineer.");
    });
    es.addEventListener("quarantined", (e) => {
      // the jig's START was pressed for a quarantined board
      const q = JSON.parse(e.data);
      if ($("serial").value.trim() === q.serial) showQuarantine(q.serial, q.reason, q.since);
    });
    es.addEventListener("line-check", (e) => renderLineCheck(JSON.parse(e.data)));
    es.addEventListener("route-refused", (e) => {
      // the MES said this board may not be tested here: nothing was powered
      const r = JSON.parse(e.data);
      $("start").disabled = false;
      document.querySelector("#steps tbody").innerHTML = "";
      banner("REFUSED", "NOT ALLOWED", r.serial + " — refused by the MES: " + r.reason, "Do not test this board here: set it aside for the line lead.");
    });
    es.addEventListener("golden-required", (e) => goldenRequired(JSON.parse(e.data).message));
    es.addEventListener("confirm-retest", (e) => {
      // the jig's START was pressed for a board that already passed
      const serial = JSON.parse(e.data).serial;
      if ($("serial").value.trim() === serial) askRetest(serial, "");
    });
  }

  // ---- the line's CFX broker: said only when messages have waited too long -----------------
  async function showCfx() {
    try {
      const c = (await getJson("/api/cfx")).body;
      const el = $("cfx-outbox");
      el.hidden = !(c.configured && c.old);
      if (!el.hidden) {
        el.textContent = "Line messages waiting: " + c.waiting + ", oldest " + Math.round(c.oldest_age_seconds / 60) +
          " min — the line's broker is not taking them" + (c.last_error ? " (" + c.last_error + ")" : "") +
          ". Testing goes on; nothing is lost.";
      }
    } catch (e) {
      // the station itself is away: the live events say so
    }
  }

  // ---- the line database ----------------------------------------------------------------
  // A station on a line forwards its runs to the line's database in the background: the backlog
  // is a quiet line until the oldest waiting run is older than the station's patience.
  const SYNC_POLL_MS = 3000;

  function renderLineCheck(c) {
    const el = $("line-check");
    if (!c || !c.notice) {
      el.hidden = true;
      el.textContent = "";
      return;
    }
    el.textContent = sentence(c.notice) + ".";
    el.hidden = false;
  }

  function renderSync(s) {
    if (!s || !s.line) return;
    const el = $("line-sync");
    el.hidden = !s.message;
    el.textContent = s.message ? sentence(s.message) : "";
    el.className = "line-sync" + (s.warn ? " warn" : "");
    if (s.last_check) renderLineCheck(s.last_check);
  }

  async function pollSync() {
    try {
      const r = await getJson("/api/sync");
      renderSync(r.body);
      if (!r.body || !r.body.line) return;   // a station alone: nothing to show
    } catch (e) {
      // the station itself is away; the next poll tries again
    }
    setTimeout(pollSync, SYNC_POLL_MS);
  }

  // ---- start-up --------------------------------------------------------------------------
  async function init() {
    const station = (await getJson("/api/station")).body;
    $("product").textContent = station.product;
    $("plan").textContent = station.plan + " v" + station.plan_version;
    $("batch").textContent = station.batch;
    $("report-link").href = "/batches/" + encodeURIComponent(station.batch);
    renderShift(station.shift);
    const since = Number(localStorage.getItem(SHIFT_START) || 0);
    if (!operator() || Date.now() - since > SHIFT_HOURS * 3600 * 1000) {
      localStorage.removeItem(OPERATOR);
      askOperator();
    } else {
      $("operator").textContent = operator();
      $("serial").focus();
    }
    $("serial").addEventListener("input", onSerialInput);
    $("scan").addEventListener("submit", (e) => {
      e.preventDefault();
      start(null);
    });
    connect();
    pollSync();
    showCfx();
    setInterval(showCfx, 15000);
  }

  init();
})();
