package io.wayfinder.server.privacy;

import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.privacy.Regulations;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM that records a regulation, says so on stdout, then erases: the test kills it
 * with SIGKILL as soon as the regulation is recorded, so the erasure is cut short (or just done).
 */
public final class ErasureProcess {
  public static void main(String[] args) {
    Database db = Database.open(Path.of(args[0]));
    EventWriter writer = new EventWriter(db);
    Regulations regulations = new Regulations(db, writer);
    String id = regulations.record(Regulations.Type.SUPPRESS_WITH_DELETE, Regulations.SubjectType.USER_ID, List.of(args[1]));
    System.out.println("recorded " + id);
    System.out.flush();
    regulations.resume(); // the erasure the kill interrupts
    System.out.println("erased");
  }
}
