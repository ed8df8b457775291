// newsclaims review: keyboard shortcuts and decisions posted to the JSON API.
// No framework, no inline script (the page's Content-Security-Policy forbids it).
"use strict";

(function () {
  const body = document.body;
  const claimId = body.dataset.claim;
  const reviewer = document.getElementById("reviewer");
  const message = document.getElementById("message");
  const editForm = document.getElementById("edit");
  const STORE_KEY = "newsclaims.reviewer";

  if (reviewer) {
    const saved = window.localStorage.getItem(STORE_KEY);
    if (saved) reviewer.value = saved;
    reviewer.addEventListener("change", () => {
      window.localStorage.setItem(STORE_KEY, reviewer.value.trim());
    });
  }

  function say(text, isError) {
    if (!message) return;
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  }

  function go(href) {
    if (href) window.location.assign(href);
    else window.location.reload();
  }

  function reviewerName() {
    const name = reviewer ? reviewer.value.trim() : "";
    if (!name) {
      say("Type your name in the Reviewer box first.", true);
      if (reviewer) reviewer.focus();
      return null;
    }
    window.localStorage.setItem(STORE_KEY, name);
    return name;
  }

  async function send(method, url, payload) {
    const options = { method, headers: { Accept: "application/json" } };
    if (payload !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(payload);
    }
    const response = await fetch(url, options);
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const data = await response.json();
        detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail);
      } catch (_) { /* keep the status text */ }
      throw new Error(detail);
    }
    return response.json();
  }

  const DOING = { accepted: "Accepting…", rejected: "Rejecting…", ignored: "Ignoring…" };

  async function decide(status, edits) {
    if (!claimId) return;
    const name = reviewerName();
    if (!name) return;
    const payload = { status, reviewer: name };
    if (edits) payload.edits = edits;
    say(DOING[status]);
    try {
      await send("POST", `/api/claims/${encodeURIComponent(claimId)}/decision`, payload);
      go(body.dataset.next);
    } catch (error) {
      say(`Not saved: ${error.message}`, true);
    }
  }

  // Undo the reviewer's last decision, whichever claim it was on (the page has moved on
  // since), and show that claim again; pressed again, it walks further back.
  async function undo() {
    const name = reviewerName();
    if (!name) return;
    try {
      const result = await send("POST", "/api/undo", { reviewer: name });
      if (!result.claim_id) {
        say("Nothing to undo: you have no decision in force.");
        return;
      }
      const params = new URLSearchParams(window.location.search);
      params.set("claim", result.claim_id);
      go(`/?${params.toString()}`);
    } catch (error) {
      say(`Not undone: ${error.message}`, true);
    }
  }

  function skip() {
    if (body.dataset.next) go(body.dataset.next);
    else say("Nothing after this claim under these filters.");
  }

  function text(form, name) {
    const field = form.elements.namedItem(name);
    return field ? field.value.trim() : "";
  }

  function orNull(value) {
    return value === "" ? null : value;
  }

  // The whole form as a ClaimEdit; the server keeps only what differs from the claim.
  function collectEdits(form) {
    const edits = {};
    const speakerName = text(form, "speaker.name");
    edits.speaker = speakerName
      ? {
          name: speakerName,
          kind: text(form, "speaker.kind"),
          title: orNull(text(form, "speaker.title")),
          organization: orNull(text(form, "speaker.organization")),
        }
      : null;
    const targetName = text(form, "target.name");
    edits.target = targetName
      ? { name: targetName, label: orNull(text(form, "target.label")) }
      : null;
    edits.modality = text(form, "modality");
    edits.figures = {};
    for (const set of form.querySelectorAll("fieldset[data-figure]")) {
      const value = Number(set.querySelector("[name=value]").value);
      if (!Number.isFinite(value)) throw new Error("a figure value is not a number");
      edits.figures[set.dataset.figure] = {
        value,
        unit: orNull(set.querySelector("[name=unit]").value.trim()),
        comparator: set.querySelector("[name=comparator]").value,
      };
    }
    edits.dates = {};
    for (const set of form.querySelectorAll("fieldset[data-date]")) {
      edits.dates[set.dataset.date] = {
        earliest: orNull(set.querySelector("[name=earliest]").value),
        latest: orNull(set.querySelector("[name=latest]").value),
      };
    }
    return edits;
  }

  function openEdit() {
    if (!editForm) return;
    editForm.hidden = false;
    body.classList.add("editing");
    editForm.scrollIntoView({ block: "nearest" });
    const first = editForm.querySelector("input, select");
    if (first) {
      first.focus();
      if (first.select) first.select();
    }
  }

  function closeEdit() {
    if (!editForm) return;
    editForm.hidden = true;
    body.classList.remove("editing");
    say("");
  }

  if (editForm) {
    editForm.addEventListener("submit", (event) => {
      event.preventDefault();
      let edits;
      try {
        edits = collectEdits(editForm);
      } catch (error) {
        say(error.message, true);
        return;
      }
      decide("accepted", edits);
    });
    document.getElementById("edit-cancel").addEventListener("click", closeEdit);
  }

  const click = (id, handler) => {
    const element = document.getElementById(id);
    if (element) element.addEventListener("click", handler);
  };
  click("accept", () => decide("accepted"));
  click("reject", () => decide("rejected"));
  click("ignore", () => decide("ignored"));
  click("skip", skip);
  click("edit-open", openEdit);
  click("undo", undo);

  // Changing a select filter applies it at once.
  for (const id of ["filter-status", "filter-source"]) {
    const select = document.getElementById(id);
    if (select) select.addEventListener("change", () => select.form.submit());
  }

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (editForm && !editForm.hidden) {
        closeEdit();
        event.preventDefault();
      } else if (typing(event.target)) {
        event.target.blur();
      }
      return;
    }
    if (event.ctrlKey && event.key === "Enter" && editForm && !editForm.hidden) {
      editForm.requestSubmit();
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const actions = {
      j: () => body.dataset.next && go(body.dataset.next),
      ArrowDown: () => body.dataset.next && go(body.dataset.next),
      k: () => body.dataset.prev && go(body.dataset.prev),
      ArrowUp: () => body.dataset.prev && go(body.dataset.prev),
      a: () => decide("accepted"),
      r: () => decide("rejected"),
      i: () => decide("ignored"),
      s: skip,
      e: openEdit,
      u: undo,
      "/": () => document.getElementById("filter-text").focus(),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // Keep the claim under review in view in the article text.
  const current = document.querySelector("#article-text .current");
  if (current) current.scrollIntoView({ block: "nearest" });
  const item = document.querySelector("#claim-list .current");
  if (item) item.scrollIntoView({ block: "nearest" });
})();
