package io.wayfinder.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.wayfinder.core.privacy.Redactor;
import io.wayfinder.server.api.ImportRoutes;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.server.auth.AdminToken;
import io.wayfinder.server.collect.CollectRoutes;
import io.wayfinder.server.guard.BodyLimits;
import io.wayfinder.server.guard.RequestGuard;
import io.wayfinder.server.flow.FlowDelivery;
import io.wayfinder.server.flow.FlowEngine;
import io.wayfinder.server.flow.FlowRoutes;
import io.wayfinder.server.flow.FlowSettings;
import io.wayfinder.server.journey.JourneyRoutes;
import io.wayfinder.server.journey.CohortRetentionRoutes;
import io.wayfinder.server.ops.ServerMetrics;
import io.wayfinder.server.predict.PredictionRoutes;
import io.wayfinder.server.privacy.PrivacyRoutes;
import io.wayfinder.server.privacy.RetentionRoutes;
import io.wayfinder.server.problem.Problems;
import io.wayfinder.server.web.FirstAdmin;
import io.wayfinder.server.web.Sessions;
import io.wayfinder.server.web.SignInRoutes;
import io.wayfinder.server.web.SignInThrottle;
import io.wayfinder.server.web.UserRoutes;
import io.wayfinder.server.web.WebAccess;
import io.wayfinder.server.web.WebApp;
import io.wayfinder.server.web.WebReadRoutes;
import io.wayfinder.server.voc.FeedbackRoutes;
import io.wayfinder.server.voc.InsightRoutes;
import io.wayfinder.server.voc.KpiRoutes;
import io.wayfinder.server.voc.PublicSurveyRoutes;
import io.wayfinder.server.voc.SurveyRoutes;
import io.wayfinder.server.voc.SurveyService;
import io.wayfinder.server.voc.SurveyTriggers;
import io.wayfinder.core.eventlog.ImportLimits;
import io.wayfinder.store.Database;
import io.wayfinder.store.Stats;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentPayload;
import io.wayfinder.store.imports.Importer;
import io.wayfinder.store.journey.JourneyAnalytics;
import io.wayfinder.store.journey.RetentionAnalytics;
import io.wayfinder.store.privacy.ConsentCheck;
import io.wayfinder.store.privacy.ConsentRecords;
import io.wayfinder.store.privacy.Regulations;
import io.wayfinder.store.privacy.Retention;
import io.wayfinder.store.privacy.SubjectExport;
import io.wayfinder.store.sources.SourceStore;
import io.wayfinder.store.users.SessionStore;
import io.wayfinder.store.users.UserStore;
import io.wayfinder.store.voc.FeedbackImport;
import io.wayfinder.store.voc.InvitationStore;
import io.wayfinder.store.voc.ResponseStore;
import io.wayfinder.store.voc.SurveyStore;
import io.wayfinder.store.voc.VocEvents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Wayfinder server: the collection API, the management API, health and metrics, over
 * one data directory.
 */
public final class WayfinderServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WayfinderServer.class);

  private final Database db;
  private final EventWriter writer;
  private final SourceStore sources;
  private final AdminToken token;
  private final ServerMetrics metrics = new ServerMetrics();
  private final UserStore users;
  private final Sessions sessions;
  private final String generatedAdminPassword;
  private final SurveyTriggers triggers;
  private final JourneyAnalytics journeys;
  private final KpiRoutes kpis;
  private final Regulations regulations;
  private final Retention retention;
  /** Applies the retention rules hourly; started with the server. */
  private java.util.concurrent.ScheduledExecutorService retentionTimer;
  private final FlowEngine flowEngine;
  private final FlowDelivery flowDelivery;
  /** Start-up work that can run after the port is open: read models loaded before anyone asks. */
  private final ExecutorService startUpLoads = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "wayfinder-warm-up");
    t.setDaemon(true);
    return t;
  });
  private final Javalin app;

  /** The largest body of an authenticated upload (imports); anonymous routes allow far less. */
  static final long MAX_BODY = 64L * 1024 * 1024;
  /** Per-path body limits, checked from {@code Content-Length} before anything is read. */
  static final BodyLimits BODY_LIMITS = new BodyLimits(List.of(
      new BodyLimits.Prefix("/v1/batch", SegmentPayload.MAX_BATCH_BYTES),
      new BodyLimits.Prefix("/v1/import", SegmentPayload.MAX_BATCH_BYTES),
      new BodyLimits.Prefix("/v1/", SegmentPayload.MAX_MESSAGE_BYTES),
      new BodyLimits.Prefix("/s/", PublicSurveyRoutes.MAX_BODY),
      new BodyLimits.Prefix("/auth/", 16 * 1024)), MAX_BODY);

  private WayfinderServer(ServerConfig cfg, Database db, Clock clock) {
    this.db = db;
    this.writer = new EventWriter(db);
    this.sources = new SourceStore(db);
    this.token = AdminToken.load(cfg.dataDir(), cfg.adminToken());
    metrics.gauge("wayfinder.store.events.committed", "events committed since start", writer, EventWriter::committedEvents);
    metrics.gauge("wayfinder.store.commits", "store transactions since start", writer, EventWriter::commits);
    CollectRoutes collect = new CollectRoutes(sources, writer, metrics);
    this.users = new UserStore(db);
    this.sessions = new Sessions(new SessionStore(db), clock);
    this.generatedAdminPassword = FirstAdmin.ensure(users, sessions, cfg.adminPassword());
    SignInThrottle throttle = new SignInThrottle(clock);
    ManagementRoutes api = new ManagementRoutes(db, sources, token, new WebAccess(sessions));
    ImportRoutes imports = new ImportRoutes(new Importer(writer, sources), cfg.dataDir());
    SurveyStore surveys = new SurveyStore(db);
    InvitationStore invitations = new InvitationStore(db);
    ResponseStore responses = new ResponseStore(db);
    VocEvents vocEvents = new VocEvents(db);
    Redactor redactor = Redactor.load(cfg.dataDir());
    SurveyService surveyService = new SurveyService(surveys, invitations, responses, writer, redactor);
    SurveyRoutes surveyApi = new SurveyRoutes(surveyService, surveys, invitations, responses);
    PublicSurveyRoutes surveyPages = new PublicSurveyRoutes(surveyService, sources);
    this.kpis = new KpiRoutes(db);
    metrics.gauge("wayfinder.kpi.responses.loaded", "KPI responses in memory (default segment trait)", kpis,
        KpiRoutes::loadedResponses);
    this.journeys = new JourneyAnalytics(db);
    InsightRoutes insights = new InsightRoutes(vocEvents, journeys.definitions());
    FeedbackRoutes feedback = new FeedbackRoutes(new FeedbackImport(writer, redactor));
    PredictionRoutes predictions = new PredictionRoutes(db);
    ConsentCheck consent = new ConsentCheck(db);
    this.triggers = new SurveyTriggers(surveys, invitations, vocEvents, consent);
    RetentionAnalytics cohortRetention = new RetentionAnalytics(db, journeys);
    JourneyRoutes journeyRoutes = new JourneyRoutes(journeys, cohortRetention);
    this.regulations = new Regulations(db, writer);
    regulations.onErased(journeys::forget);
    regulations.onErased(kpis::forget);
    this.retention = new Retention(db, writer);
    retention.onDeleted(journeys::forget);
    retention.onDeleted(kpis::forget);
    RetentionRoutes retentionRoutes = new RetentionRoutes(retention);
    PrivacyRoutes privacy = new PrivacyRoutes(regulations, new SubjectExport(db), new ConsentRecords(db, writer));
    var flowVersions = new io.wayfinder.store.flow.FlowVersionStore(db);
    var flowQueries = new io.wayfinder.store.flow.FlowQueries(db);
    var outbox = new io.wayfinder.store.flow.Outbox(db);
    this.flowEngine = new FlowEngine(db, flowVersions, Clock.systemUTC());
    this.flowDelivery = new FlowDelivery(outbox, flowQueries, writer, invitations, FlowSettings.fromEnvironment(), Clock.systemUTC());
    FlowRoutes flowRoutes = new FlowRoutes(flowVersions, flowQueries, outbox, new io.wayfinder.store.profiles.ProfileStore(db), sources);
    this.app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(JsonSupport.MAPPER, false));
      config.http.maxRequestSize = MAX_BODY;
      config.jetty.modifyServer(server -> server.setHandler(RequestGuard.create(BODY_LIMITS)));
      config.router.ignoreTrailingSlashes = true;
      config.startup.showJavalinBanner = false;
      config.jetty.host = cfg.host();
      config.jetty.port = cfg.port();
      Problems.install(config);
      config.routes.before(ctx -> ctx.attribute("wf.t0", System.nanoTime()));
      config.routes.after(ctx -> {
        Long t0 = ctx.attribute("wf.t0");
        var matched = ctx.endpoints().lastHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        if (t0 != null) metrics.request(route, ctx.method().name(), ctx.statusCode(), System.nanoTime() - t0);
        if (ctx.path().startsWith("/v1/") && ctx.statusCode() >= 400) metrics.rejected(ctx.statusCode());
      });
      config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "eventsCommittedSinceStart", writer.committedEvents())));
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      collect.register(config);
      api.register(config);
      imports.register(config);
      new SignInRoutes(users, sessions, throttle).register(config);
      new UserRoutes(users, sessions).register(config);
      new WebReadRoutes(db, this::routes).register(config);
      WebApp.register(config, sessions::signedIn);
      surveyApi.register(config);
      surveyPages.register(config);
      kpis.register(config);
      insights.register(config);
      feedback.register(config);
      journeyRoutes.register(config);
      new CohortRetentionRoutes(cohortRetention).register(config);
      predictions.register(config);
      privacy.register(config);
      retentionRoutes.register(config);
      flowRoutes.register(config);
    });
  }

  /** Opens the data directory and starts serving. */
  public static WayfinderServer start(ServerConfig cfg) {
    return start(cfg, Clock.systemUTC());
  }

  /** As {@link #start(ServerConfig)}, with the clock that sessions and sign-in throttling read (tests move it). */
  public static WayfinderServer start(ServerConfig cfg, Clock clock) {
    ImportLimits.current(); // a bad WAYFINDER_IMPORT_* value fails the start, not some import later
    Database db = Database.open(cfg.dataDir());
    try {
      WayfinderServer s = new WayfinderServer(cfg, db, clock);
      // an erasure a crash interrupted finishes before anything is served
      s.regulations.resume();
      s.app.start();
      s.triggers.start();
      s.retentionTimer = s.retention.schedule(java.time.Duration.ofHours(1));
      s.flowEngine.start();
      s.flowDelivery.start();
      s.startUpLoads.submit(s::warmUp);
      s.advertise(cfg);
      log.info("Wayfinder listening on http://{}:{} (data: {})", cfg.host(), s.port(), cfg.dataDir());
      return s;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private void warmUp() {
    long t0 = System.nanoTime();
    try {
      kpis.warmUp();
      log.debug("KPI responses loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("cannot load the KPI responses at start-up (the first KPI query will): {}", e.getMessage());
    }
  }

  /** The file through which the CLI finds the server that holds a data directory. */
  public static final String URL_FILE = "server.url";

  private void advertise(ServerConfig cfg) {
    String host = cfg.host().equals("0.0.0.0") || cfg.host().equals("::") ? "127.0.0.1" : cfg.host();
    try {
      java.nio.file.Files.writeString(db.dataDir().resolve(URL_FILE), "http://" + host + ":" + port() + "\n");
    } catch (java.io.IOException e) {
      log.warn("cannot write {}: {}", URL_FILE, e.getMessage());
    }
  }

  /** Every HTTP route as {@code "METHOD /path"}, so tests can check that each one is guarded. */
  public java.util.List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
  }

  public int port() {
    return app.port();
  }

  public Database database() {
    return db;
  }

  public EventWriter writer() {
    return writer;
  }

  public SourceStore sources() {
    return sources;
  }

  public UserStore users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  /** The first admin's password when this start generated it (to print once), else null. */
  public String generatedAdminPassword() {
    return generatedAdminPassword;
  }

  /** Journey definitions and analytics over this server's store. */
  public JourneyAnalytics journeys() {
    return journeys;
  }

  public AdminToken adminToken() {
    return token;
  }

  public Stats stats() {
    return Stats.read(db);
  }

  @Override
  public void close() {
    triggers.close();
    if (retentionTimer != null) retentionTimer.shutdownNow();
    flowEngine.close();
    flowDelivery.close();
    app.stop();
    startUpLoads.shutdown();
    try {
      // A DuckDB query cannot be interrupted; the database must outlive the load that is running.
      if (!startUpLoads.awaitTermination(60, TimeUnit.SECONDS)) log.warn("start-up load still running at close");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      java.nio.file.Files.deleteIfExists(db.dataDir().resolve(URL_FILE));
    } catch (java.io.IOException e) {
      log.warn("cannot remove {}: {}", URL_FILE, e.getMessage());
    }
    writer.close();
    db.close();
  }
}
