// Process alarms on the operator screen: the control charts' open alarms, each acknowledged with the
// operator's name and an optional comment. Plain script, no build step.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 10000;
  let shown = [];
  let acking = null;

  function fmt(v, unit) {
    return String(Number(v.toPrecision(4))) + (unit ? " " + unit : "");
  }

  function time(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function describe(a) {
    return a.measurement + ": " + a.rules_words.join(", ") + " — last point " + fmt(a.last_reading, a.unit)
      + " (" + a.last_serial + "), centre " + fmt(a.centre, a.unit) + ", " + a.points
      + (a.points === 1 ? " point" : " points") + " since " + time(a.opened_at);
  }

  function render(alarms) {
    shown = alarms;
    const list = $("alarm-list");
    list.replaceChildren();
    for (const a of alarms) {
      const li = document.createElement("li");
      li.dataset.alarm = a.id;
      li.dataset.measurement = a.measurement;
      const what = document.createElement("span");
      what.className = "what";
      what.textContent = describe(a);
      const ack = document.createElement("button");
      ack.type = "button";
      ack.className = "ack";
      ack.textContent = "ACK";
      ack.title = "Acknowledge: you have seen it and told the engineer";
      ack.addEventListener("click", () => askAck(a));
      li.append(what, ack);
      list.append(li);
    }
    $("alarms").hidden = alarms.length === 0;
  }

  async function load() {
    try {
      const r = await fetch("/api/alarms", { headers: { Accept: "application/json" } });
      if (r.ok) render(await r.json());
    } catch (e) {
      // the station is away; the next event or poll tries again
    }
  }

  function askAck(a) {
    acking = a;
    $("ack-text").textContent = describe(a);
    $("ack-operator").value = localStorage.getItem("benchline.operator") || "";
    $("ack-comment").value = "";
    $("ack-msg").textContent = "";
    $("ack-dialog").showModal();
    ($("ack-operator").value ? $("ack-comment") : $("ack-operator")).focus();
  }

  async function acknowledge(e) {
    e.preventDefault();
    if (!acking) return;
    const body = { operator: $("ack-operator").value.trim(), comment: $("ack-comment").value.trim() };
    const r = await fetch("/api/alarms/" + encodeURIComponent(acking.id) + "/ack", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const answer = await r.json();
    if (r.ok || r.status === 409 || r.status === 404) {
      acking = null;
      $("ack-dialog").close();
      load();
    } else {
      $("ack-msg").textContent = answer.error || ("the station answered " + r.status);
    }
  }

  $("ack-form").addEventListener("submit", acknowledge);
  $("ack-no").addEventListener("click", () => $("ack-dialog").close());
  const es = new EventSource("/api/events");
  es.addEventListener("alarms", load);
  es.addEventListener("hello", load);
  setInterval(load, POLL_MS);
  load();
})();
