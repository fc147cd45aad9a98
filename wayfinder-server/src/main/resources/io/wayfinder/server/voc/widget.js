/* Wayfinder survey widget. Include on a page:
 *   <script src="https://WAYFINDER/widget.js" data-write-key="wk_..." data-customer="cust-123"
 *           data-customer-token="1767225600.65ec..." data-survey="delivery_csat" async></script>
 * data-customer-token is signed by the site's backend for this customer with the source's signing
 * secret (docs/voc.md, "Identity verification"); without it the server shows no survey.
 * It asks the server for a survey due for this customer (or, with data-survey, that survey unless
 * the customer was surveyed recently), shows it in a modal dialog and posts the answers. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, document.baseURI).origin;
  var key = script.getAttribute("data-write-key");
  var customer = script.getAttribute("data-customer");
  var customerToken = script.getAttribute("data-customer-token");
  var survey = script.getAttribute("data-survey");
  if (!key || !customer || !customerToken) {
    console.warn("Wayfinder widget: data-write-key, data-customer and data-customer-token are required");
    return;
  }
  var ENDS = { nps: ["Not at all likely", "Extremely likely"], csat: ["Very dissatisfied", "Very satisfied"],
               ces: ["Strongly disagree", "Strongly agree"] };
  var SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

  var url = base + "/widget/invitation?writeKey=" + encodeURIComponent(key) + "&customer=" + encodeURIComponent(customer)
      + "&customerToken=" + encodeURIComponent(customerToken) + (survey ? "&survey=" + encodeURIComponent(survey) : "");
  fetch(url).then(function (r) {
    if (r.status === 401 || r.status === 403) {
      r.json().then(function (p) { console.warn("Wayfinder widget:", p.detail); });
      return null;
    }
    return r.status === 200 ? r.json() : null;
  })
    .then(function (inv) { if (inv) show(inv); })
    .catch(function (e) { console.warn("Wayfinder widget:", e); });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  // Styles scoped to the dialog's id, so the host site's CSS and ours do not leak into each other.
  var CSS = "#wayfinder-survey{max-width:32rem;width:calc(100% - 2rem);border:1px solid #d5dbe3;border-radius:10px;padding:1.25rem;"
    + "font:15px/1.45 system-ui,sans-serif;color:#1b2430;background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.2)}"
    + "#wayfinder-survey::backdrop{background:rgba(18,38,63,.45)}"
    + "#wayfinder-survey h2{margin:0 0 .75rem;font-size:1.2rem}"
    + "#wayfinder-survey fieldset{border:1px solid #d5dbe3;border-radius:8px;margin:.75rem 0;padding:.5rem .75rem;min-width:0}"
    + "#wayfinder-survey legend{font-weight:600;padding:0 .25rem}"
    + "#wayfinder-survey .wf-scale{display:flex;flex-wrap:wrap;gap:.3rem;margin:.4rem 0}"
    + "#wayfinder-survey .wf-scale label{display:inline-flex;align-items:center;justify-content:center;min-width:2.2rem;min-height:2.2rem;"
    + "border:1px solid #8893a2;border-radius:6px;cursor:pointer;font-weight:600}"
    + "#wayfinder-survey .wf-scale input{position:absolute;opacity:0;width:1px;height:1px}"
    + "#wayfinder-survey .wf-scale label:has(input:checked){background:#0b5cad;border-color:#0b5cad;color:#fff}"
    + "#wayfinder-survey :focus-visible,#wayfinder-survey .wf-scale label:has(input:focus-visible){outline:3px solid #ffbf47;outline-offset:2px}"
    + "#wayfinder-survey .wf-ends{display:flex;justify-content:space-between;font-size:.8rem;color:#4d5968}"
    + "#wayfinder-survey textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;border:1px solid #8893a2;border-radius:6px}"
    + "#wayfinder-survey button{font:inherit;font-weight:600;padding:.45rem 1.1rem;border-radius:6px;border:1px solid #0b5cad;margin-right:.5rem;cursor:pointer}"
    + "#wayfinder-survey #wf-send{background:#0b5cad;color:#fff}#wayfinder-survey #wf-close{background:#fff;color:#0b5cad}"
    + "#wayfinder-survey #wf-status:not(:empty){border:1px solid #b3261e;background:#fdecea;color:#b3261e;border-radius:6px;padding:.5rem .7rem}";

  /** What the customer reads when the server refuses an answer: the question's text, never a field path. */
  function wording(status, body, s) {
    if (status === 409) return "You have answered this survey already. Thank you for your time!";
    if (status === 404) return "This survey is no longer available.";
    if (status !== 400) return "Sorry, your answer could not be sent just now. Please try again in a few minutes.";
    var detail = (body && body.detail) || "";
    var m = /^answers\.([^:]+): (.*)$/.exec(detail);
    var q = m && s.questions.filter(function (x) { return x.id === m[1]; })[0];
    if (!q) return "Please answer at least one question before sending.";
    if (/is required$/.test(m[2])) return "Please answer \u201c" + q.text + "\u201d.";
    if (/characters; the limit is/.test(m[2])) return "Your answer to \u201c" + q.text + "\u201d is too long.";
    return "Please choose one of the offered answers to \u201c" + q.text + "\u201d.";
  }

  function show(inv) {
    var s = inv.survey;
    if (!document.getElementById("wayfinder-survey-style")) {
      document.head.appendChild(el("style", { id: "wayfinder-survey-style" }, CSS));
    }
    var dialog = el("dialog", { id: "wayfinder-survey", "aria-labelledby": "wf-title" });
    dialog.appendChild(el("h2", { id: "wf-title" }, s.name));
    var form = el("form", { method: "dialog" });
    s.questions.forEach(function (q) {
      var req = q.required ? { required: "" } : {};
      if (SCALES[q.type]) {
        var fs = el("fieldset"); fs.appendChild(el("legend", {}, q.text));
        var row = el("div", { "class": "wf-scale" });
        for (var v = SCALES[q.type][0]; v <= SCALES[q.type][1]; v++) {
          var id = "wf-" + q.id + "-" + v;
          var lab = el("label", { "for": id });
          lab.appendChild(el("input", Object.assign({ type: "radio", id: id, name: q.id, value: String(v) }, req)));
          lab.appendChild(el("span", {}, String(v)));
          row.appendChild(lab);
        }
        fs.appendChild(row);
        var ends = el("div", { "class": "wf-ends", "aria-hidden": "true" });
        ends.appendChild(el("span", {}, ENDS[q.type][0]));
        ends.appendChild(el("span", {}, ENDS[q.type][1]));
        fs.appendChild(ends);
        form.appendChild(fs);
      } else if (q.type === "choice") {
        var cs = el("fieldset"); cs.appendChild(el("legend", {}, q.text));
        q.choices.forEach(function (c, i) {
          var cid = "wf-" + q.id + "-" + i;
          var line = el("div");
          line.appendChild(el("input", Object.assign({ type: "radio", id: cid, name: q.id, value: c }, req)));
          line.appendChild(el("label", { "for": cid }, " " + c));
          cs.appendChild(line);
        });
        form.appendChild(cs);
      } else {
        var tid = "wf-" + q.id;
        form.appendChild(el("label", { "for": tid, style: "display:block;margin-top:.5rem;font-weight:600" }, q.text));
        form.appendChild(el("textarea", Object.assign({ id: tid, name: q.id, maxlength: "2000", rows: "4", style: "width:100%" }, req)));
      }
    });
    var status = el("p", { role: "alert", id: "wf-status" });
    var send = el("button", { type: "submit", id: "wf-send" }, "Send");
    var later = el("button", { type: "button", id: "wf-close" }, "Not now");
    later.addEventListener("click", function () { dialog.close(); });
    form.appendChild(status); form.appendChild(send); form.appendChild(later);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answers = {};
      new FormData(form).forEach(function (value, name) { answers[name] = value; });
      send.disabled = true;
      fetch(base + "/s/" + encodeURIComponent(inv.token), { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: answers }) })
        .then(function (r) {
          return r.json().catch(function () { return null; }).then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
        })
        .then(function (res) {
          if (res.ok) {
            form.replaceChildren(el("p", { role: "status", id: "wf-thanks" }, "Thank you! Your answer has been recorded."));
            setTimeout(function () { dialog.close(); }, 4000);
          } else {
            status.textContent = wording(res.status, res.body, s);
            send.disabled = res.status === 409;
          }
        })
        .catch(function () {
          status.textContent = "Sorry, your answer could not be sent. Please check your connection and try again.";
          send.disabled = false;
        });
    });
    dialog.appendChild(form);
    document.body.appendChild(dialog);
    dialog.showModal();
  }
})();
