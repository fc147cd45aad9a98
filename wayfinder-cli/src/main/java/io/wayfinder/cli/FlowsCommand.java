package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "flows", mixinStandardHelpOptions = true,
    description = "Flows (journey orchestration, docs/flows.md): load, list, publish, and a customer's trace. Needs a running server.",
    subcommands = {FlowsCommand.Load.class, FlowsCommand.ListFlows.class, FlowsCommand.Publish.class, FlowsCommand.Trace.class})
final class FlowsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Flows run inside the server: the CLI only talks to it. */
  static RemoteBackend server(Backend b) {
    if (b instanceof RemoteBackend r) return r;
    throw new CliException("flows run in the server: start `wayfinder serve` on this data directory, or pass --server");
  }

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "Validate a flow definition (JSON or YAML) and store it as a draft version; errors name node and field.")
  static final class Load implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Definition file (.json, .yaml or .yml).") Path file;
    @Option(names = "--publish", description = "Publish it right away.") boolean publish;
    @Option(names = "--no-name-check", description = "Do not check event and trait names against those seen in the store.")
    boolean noNameCheck;

    @Override
    public void run() {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new CliException(file + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
      }
      try (Backend b = target.open()) {
        RemoteBackend r = server(b);
        JsonNode f = r.flowApi("POST", "/api/flows" + (noNameCheck ? "?checkNames=false" : ""), text);
        System.out.printf("loaded %s version %d (draft)%n", f.path("id").asText(), f.path("version").asInt());
        if (publish) {
          r.flowApi("POST", "/api/flows/" + f.path("id").asText() + "/publish?version=" + f.path("version").asInt(), null);
          System.out.printf("published %s version %d%n", f.path("id").asText(), f.path("version").asInt());
        }
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every stored flow version and whether it is published.")
  static final class ListFlows implements Runnable {
    @Mixin TargetOptions target;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        JsonNode list = server(b).flowApi("GET", "/api/flows", null);
        if (json) {
          System.out.println(Json.pretty(list));
          return;
        }
        System.out.printf("%-24s %7s  %-9s %s%n", "FLOW", "VERSION", "STATUS", "NAME");
        for (JsonNode f : list.path("flows")) {
          System.out.printf("%-24s %7d  %-9s %s%n", f.path("id").asText(), f.path("version").asInt(), f.path("status").asText(),
              f.path("name").asText(""));
        }
      }
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = "Publish a flow version (default: the newest); running instances stay on the version they entered.")
  static final class Publish implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Flow id.") String id;
    @Option(names = "--version", description = "Version to publish (default: the newest).") Integer version;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        JsonNode f = server(b).flowApi("POST", "/api/flows/" + id + "/publish" + (version == null ? "" : "?version=" + version), null);
        System.out.printf("published %s version %d%n", f.path("id").asText(), f.path("version").asInt());
      }
    }
  }

  @Command(name = "trace", mixinStandardHelpOptions = true,
      description = "Why did this happen: every flow a customer entered, each node passed, branch taken (with the values), action outcome.")
  static final class Trace implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Customer: profile number, user id, anonymous id or e-mail.") String customer;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        JsonNode t = server(b).flowApi("GET", "/api/profiles/" + java.net.URLEncoder.encode(customer, java.nio.charset.StandardCharsets.UTF_8)
            + "/flows", null);
        if (json) {
          System.out.println(Json.pretty(t));
          return;
        }
        for (JsonNode in : t.path("instances")) {
          System.out.printf("%s v%d  instance %d  %s  entered %s%n", in.path("flow").asText(), in.path("version").asInt(),
              in.path("instance").asLong(), in.path("status").asText(), in.path("enteredAt").asText());
          for (JsonNode s : in.path("steps")) {
            System.out.printf("  %s  %-10s %-10s %s%n", s.path("at").asText(), s.path("node").asText("-"), s.path("outcome").asText(),
                detail(s.path("detail")));
          }
        }
      }
    }

    private static String detail(JsonNode d) {
      if (d.isMissingNode() || d.isNull()) return "";
      StringBuilder out = new StringBuilder();
      for (Iterator<Map.Entry<String, JsonNode>> it = d.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
            .append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
      return out.toString();
    }
  }
}
