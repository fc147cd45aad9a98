package io.wayfinder.core.act.flow;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * A Mustache template in a flow action (subject, body, webhook payload strings). Rendering is
 * strict: a variable that is missing from the context, or null, fails instead of printing
 * nothing, so a customer never gets "Hello ," (a section, {@code {{#traits.nickname}}…{{/…}}},
 * is how a template tests for an optional value). Dotted names reach into the context
 * ({@code {{traits.firstName}}}).
 */
public final class FlowTemplate {
  private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false);
  private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true);

  private final Template template;

  private FlowTemplate(Template template) {
    this.template = template;
  }

  /**
   * Compiles a template; {@code html} escapes values for HTML.
   *
   * @throws IllegalArgumentException with the line of a syntax error
   */
  public static FlowTemplate compile(String text, boolean html) {
    try {
      return new FlowTemplate((html ? HTML : TEXT).compile(text));
    } catch (MustacheException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Renders over a context of maps, lists and plain values.
   *
   * @throws IllegalArgumentException naming the missing variable and its line
   */
  public String render(Object context) {
    try {
      return template.execute(context);
    } catch (MustacheException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
