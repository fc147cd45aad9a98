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

  function show(inv) {
    var s = inv.survey;
    var dialog = el("dialog", { id: "wayfinder-survey", "aria-labelledby": "wf-title",
      style: "max-width:32rem;border:1px solid #888;border-radius:8px;padding:1rem;font-family:system-ui,sans-serif" });
    dialog.appendChild(el("h2", { id: "wf-title", style: "margin-top:0" }, s.name));
    var form = el("form", { method: "dialog" });
    s.questions.forEach(function (q) {
      var req = q.required ? { required: "" } : {};
      if (SCALES[q.type]) {
        var fs = el("fieldset"); fs.appendChild(el("legend", {}, q.text));
        for (var v = SCALES[q.type][0]; v <= SCALES[q.type][1]; v++) {
          var id = "wf-" + q.id + "-" + v;
          var lab = el("label", { "for": id, style: "display:inline-block;margin:0 .2rem;text-align:center" });
          lab.appendChild(el("input", Object.assign({ type: "radio", id: id, name: q.id, value: String(v) }, req)));
          lab.appendChild(el("span", { style: "display:block" }, String(v)));
          fs.appendChild(lab);
        }
        fs.appendChild(el("div", { style: "font-size:.8rem;color:#555", "aria-hidden": "true" },
          ENDS[q.type][0] + " … " + ENDS[q.type][1]));
        form.appendChild(fs);
      } else if (q.type === "choice") {
        var cs = el("fieldset"); cs.appendChild(el("legend", {}, q.text));
        q.choices.forEach(function (c, i) {
          var cid = "wf-" + q.id + "-" + i;
          cs.appendChild(el("input", Object.assign({ type: "radio", id: cid, name: q.id, value: c }, req)));
          cs.appendChild(el("label", { "for": cid }, c));
        });
        form.appendChild(cs);
      } else {
        var tid = "wf-" + q.id;
        form.appendChild(el("label", { "for": tid, style: "display:block;margin-top:.5rem" }, q.text));
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
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          if (res.ok) {
            form.replaceChildren(el("p", { role: "status", id: "wf-thanks" }, "Thank you! Your answer has been recorded."));
            setTimeout(function () { dialog.close(); }, 4000);
          } else {
            status.textContent = res.body.detail || "Could not send your answer.";
            send.disabled = false;
          }
        })
        .catch(function () { status.textContent = "Could not send your answer."; send.disabled = false; });
    });
    dialog.appendChild(form);
    document.body.appendChild(dialog);
    dialog.showModal();
  }
})();
