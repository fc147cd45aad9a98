package io.wayfinder.server.voc;

import io.wayfinder.core.voc.survey.Question;
import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.core.voc.kpi.ScoreScale;

/**
 * The hosted survey page: plain server-rendered HTML that works without JavaScript, one fieldset
 * per rating or choice question (radio buttons with labels), a labelled text area per text
 * question, and the form posting back to the same address.
 */
final class SurveyPage {
  private static final String STYLE = """
      :root{--ink:#1b2430;--muted:#4d5968;--line:#d5dbe3;--accent:#0b5cad;--bad:#b3261e;--focus:#ffbf47}
      *{box-sizing:border-box}
      body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f9;color:var(--ink);line-height:1.45}
      main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid var(--line);border-radius:10px}
      h1{font-size:1.4rem;margin:0 0 1rem}
      fieldset{border:1px solid var(--line);border-radius:8px;margin:1rem 0;padding:.75rem 1rem;min-width:0}
      legend{font-weight:600;padding:0 .25rem}
      .scale{display:flex;flex-wrap:wrap;gap:.35rem;margin:.5rem 0}
      .scale label{display:inline-flex;align-items:center;justify-content:center;min-width:2.5rem;min-height:2.5rem;
        border:1px solid #8893a2;border-radius:6px;cursor:pointer;font-weight:600;background:#fff}
      .scale input{position:absolute;opacity:0;width:1px;height:1px}
      .scale label:has(input:checked){background:var(--accent);border-color:var(--accent);color:#fff}
      .scale label:has(input:focus-visible),:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
      .ends{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:var(--muted)}
      .choice{margin:.3rem 0}
      textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #8893a2;border-radius:6px}
      button{font:inherit;font-weight:600;padding:.6rem 1.5rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
      .error{border:1px solid var(--bad);background:#fdecea;border-radius:6px;padding:.6rem .8rem;color:var(--bad)}
      #message{font-size:1.1rem}
      """;


  private SurveyPage() {}

  static String form(SurveyDefinition s, String token, String error) {
    StringBuilder b = head(s.name());
    if (error != null) b.append("<p class=\"error\" role=\"alert\" id=\"error\">").append(esc(error)).append("</p>\n");
    b.append("<form method=\"post\" action=\"/s/").append(esc(token)).append("\" accept-charset=\"utf-8\">\n");
    for (Question q : s.questions()) {
      String req = q.required() ? " required" : "";
      String mark = q.required() ? " <span aria-hidden=\"true\">*</span>" : "";
      switch (q.type()) {
        case NPS, CSAT, CES -> {
          ScoreScale scale = q.type().scale().orElseThrow();
          b.append("<fieldset><legend id=\"l-").append(esc(q.id())).append("\">").append(esc(q.text())).append(mark)
              .append("</legend>\n<div class=\"scale\" role=\"radiogroup\" aria-labelledby=\"l-").append(esc(q.id())).append("\">");
          for (int v = scale.min(); v <= scale.max(); v++) {
            String id = "q-" + q.id() + "-" + v;
            b.append("<label for=\"").append(esc(id)).append("\"><input type=\"radio\" id=\"").append(esc(id))
                .append("\" name=\"").append(esc(q.id())).append("\" value=\"").append(v).append('"').append(req)
                .append(">").append(v).append("</label>");
          }
          b.append("</div>\n<div class=\"ends\" aria-hidden=\"true\"><span>").append(ends(q, true)).append("</span><span>")
              .append(ends(q, false)).append("</span></div></fieldset>\n");
        }
        case CHOICE -> {
          b.append("<fieldset><legend>").append(esc(q.text())).append(mark).append("</legend>\n");
          int i = 0;
          for (String c : q.choices()) {
            String id = "q-" + q.id() + "-" + i++;
            b.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(esc(id)).append("\" name=\"").append(esc(q.id()))
                .append("\" value=\"").append(esc(c)).append('"').append(req).append("><label for=\"").append(esc(id))
                .append("\">").append(esc(c)).append("</label></div>\n");
          }
          b.append("</fieldset>\n");
        }
        case TEXT -> b.append("<p><label for=\"q-").append(esc(q.id())).append("\">").append(esc(q.text())).append(mark)
            .append("</label><br><textarea id=\"q-").append(esc(q.id())).append("\" name=\"").append(esc(q.id()))
            .append("\" maxlength=\"").append(SurveyDefinition.MAX_TEXT).append('"').append(req).append("></textarea></p>\n");
      }
    }
    b.append("<button type=\"submit\">Send</button>\n</form>\n</main></body></html>\n");
    return b.toString();
  }

  static String message(String title, String text) {
    return head(title).append("<p role=\"status\" id=\"message\">").append(esc(text)).append("</p>\n</main></body></html>\n").toString();
  }

  private static String ends(Question q, boolean low) {
    return switch (q.type()) {
      case NPS -> low ? "Not at all likely" : "Extremely likely";
      case CSAT -> low ? "Very dissatisfied" : "Very satisfied";
      case CES -> low ? "Strongly disagree" : "Strongly agree";
      default -> "";
    };
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>\n<h1>")
        .append(esc(title)).append("</h1>\n");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
