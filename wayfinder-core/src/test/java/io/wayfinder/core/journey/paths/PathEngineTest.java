package io.wayfinder.core.journey.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PathEngineTest {
  @Test
  void followsEventsAfterTheAnchorWithinTheSessionAndCountsDropOff() {
    JourneyDataset d = new Events()
        .sequence("a", 0, "Home", "Search", "Product", "Cart")
        .sequence("b", 0, "Home", "Search", "Help")
        .at("c", 0, "Home").at("c", 45, "Search")      // 45 minutes later: a new session
        .sequence("d", 0, "Search", "Home")              // anchor Home is last: a path that ends at once
        .build();
    PathReport r = new PathEngine(d).run(PathQuery.after("Home", 3));
    assertThat(r.paths()).isEqualTo(4);
    PathReport.Step first = r.steps().get(0);
    assertThat(first.nodes()).extracting(PathReport.Node::event, PathReport.Node::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Search", 2));
    assertThat(first.dropOff()).isEqualTo(2);
    assertThat(r.steps().get(1).nodes()).extracting(PathReport.Node::event).containsExactly("Help", "Product");
    assertThat(r.steps().get(2).ended()).isEqualTo(3);
    assertThat(r.links()).contains(new PathReport.Link(0, "Home", "(end)", 2), new PathReport.Link(1, "Search", "Help", 1));
  }

  @Test
  void beforeTheAnchorWalksBackFromItsLastOccurrence() {
    JourneyDataset d = new Events().sequence("a", 0, "Cart", "Pay", "Fail", "Pay", "Fail").build();
    PathReport r = new PathEngine(d).run(new PathQuery("Fail", null, null, "before", 3, null, null, null, null, null));
    assertThat(r.steps()).extracting(s -> s.nodes().get(0).event()).containsExactly("Pay", "Fail", "Pay");
  }

  @Test
  void everyNumberReconcilesWithTheTotalsAndRareEventsPoolInOther() {
    Random rnd = new Random(7);
    Events e = new Events();
    String[] names = {"Home", "Search", "Product", "Cart", "Help", "Login", "Pay", "Logout"};
    for (int c = 0; c < 300; c++) {
      double t = 0;
      for (int k = 0; k < 3 + rnd.nextInt(15); k++) {
        t += rnd.nextDouble() < 0.1 ? 90 : 1 + rnd.nextInt(10);
        e.at("c" + c, t, names[rnd.nextInt(names.length)]);
      }
    }
    PathReport r = new PathEngine(e.build()).run(new PathQuery("Home", null, null, "after", 20, "30m", 3, null, null, null));
    assertThat(r.paths()).isGreaterThan(100);
    assertThat(r.steps().stream().flatMap(s -> s.nodes().stream()).map(PathReport.Node::event)).contains(PathReport.OTHER);
    for (PathReport.Step s : r.steps()) {
      assertThat(s.nodes().size()).isLessThanOrEqualTo(4);
      assertThat(s.nodes().stream().mapToInt(PathReport.Node::count).sum() + s.ended()).isEqualTo(r.paths());
      // links into this position carry exactly the node counts and the new drop-off
      Map<String, Integer> in = r.links().stream().filter(l -> l.fromPosition() == s.position() - 1)
          .collect(Collectors.groupingBy(PathReport.Link::to, Collectors.summingInt(PathReport.Link::count)));
      for (PathReport.Node n : s.nodes()) assertThat(in.get(n.event())).isEqualTo(n.count());
      assertThat(in.getOrDefault(PathReport.END, 0)).isEqualTo(s.dropOff());
    }
    // links leaving each node add up to its count (or to the paths for the anchor)
    for (PathReport.Step s : r.steps().subList(0, r.steps().size() - 1)) {
      for (PathReport.Node n : s.nodes()) {
        int out = r.links().stream().filter(l -> l.fromPosition() == s.position() && l.from().equals(n.event()))
            .mapToInt(PathReport.Link::count).sum();
        assertThat(out).isEqualTo(n.count());
      }
    }
    assertThat(r.links().stream().filter(l -> l.fromPosition() == 0).mapToInt(PathReport.Link::count).sum()).isEqualTo(r.paths());
  }

  @Test
  void badQueriesNameTheField() {
    assertThatThrownBy(() -> PathQuery.after("Home", 21)).hasMessageStartingWith("steps:");
    assertThatThrownBy(() -> new PathQuery("Home", null, null, "sideways", 3, null, null, null, null, null))
        .hasMessageStartingWith("direction:");
    assertThat(List.of(PathQuery.after("Home", 20).steps())).containsExactly(20);
  }
}
