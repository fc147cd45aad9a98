package io.wayfinder.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.users.Role;
import io.wayfinder.store.users.User;
import io.wayfinder.store.users.UserStore;
import java.io.IOException;
import java.util.Map;

/** Users of the web application under {@code /api/users}: admins only (see {@link WebAccess}). */
public final class UserRoutes {
  private final UserStore users;
  private final Sessions sessions;

  record NewUser(String name, String password, String role) {}

  record NewPassword(String password) {}

  record UserView(String name, String role, String createdAt, String passwordChangedAt) {
    static UserView of(User u) {
      return new UserView(u.name(), u.role().id(), u.createdAt().toString(), u.passwordChangedAt().toString());
    }
  }

  public UserRoutes(UserStore users, Sessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  public void register(JavalinConfig config) {
    config.routes.get("/api/users", ctx -> ctx.json(Map.of("users", users.list().stream().map(UserView::of).toList())));
    config.routes.post("/api/users", this::create);
    config.routes.put("/api/users/{name}/password", this::setPassword);
    config.routes.delete("/api/users/{name}", ctx -> {
      if (!users.delete(ctx.pathParam("name"))) throw ApiException.notFound("user '" + ctx.pathParam("name") + "'");
      sessions.closeAll(ctx.pathParam("name"));
      ctx.status(204);
    });
  }

  private void create(Context ctx) {
    NewUser in = read(ctx, NewUser.class, "{\"name\": \"...\", \"password\": \"...\", \"role\": \"member|admin\"}");
    ctx.status(201).json(UserView.of(users.create(in.name(), in.password(), Role.parse(in.role()))));
  }

  private void setPassword(Context ctx) {
    String name = ctx.pathParam("name");
    if (users.find(name).isEmpty()) throw ApiException.notFound("user '" + name + "'");
    users.setPassword(name, read(ctx, NewPassword.class, "{\"password\": \"...\"}").password());
    sessions.closeAll(name);
    ctx.status(204);
  }

  private static <T> T read(Context ctx, Class<T> type, String example) {
    try {
      T v = JsonSupport.MAPPER.readValue(ctx.bodyAsBytes(), type);
      if (v != null) return v;
    } catch (IOException e) {
      // answered below with the expected shape
    }
    throw new IllegalArgumentException("body: expected " + example);
  }
}
