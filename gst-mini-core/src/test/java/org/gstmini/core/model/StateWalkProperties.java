package org.gstmini.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gstmini.core.ClockTime;
import org.gstmini.core.Element;
import org.gstmini.core.ElementFactory;
import org.gstmini.core.Pipeline;
import org.gstmini.core.State;
import org.gstmini.core.StateChangeReturn;
import org.gstmini.core.testing.TestElementsPlugin;

/**
 * Random state walks on {@code testsrc ! passthrough ! testsink}, live or not, with an async
 * (prerolling) sink or not: no state change hangs, every one ends in the state asked for, and
 * once back in NULL no streaming or continuation thread is left.
 */
class StateWalkProperties {

    @Provide
    Arbitrary<List<State>> walks() {
        return Arbitraries.of(State.NULL, State.READY, State.PAUSED, State.PLAYING).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 100)
    void randomStateWalksReachEveryTargetAndLeaveNoThreads(@ForAll boolean live, @ForAll boolean async,
            @ForAll @IntRange(min = 0, max = 20) int numBuffers, @ForAll("walks") List<State> walk) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> walk(live, async, numBuffers, walk),
                "a state change hung: live=" + live + " async=" + async + " walk=" + walk);
    }

    /**
     * The same walks without waiting between requests: the application changes its mind while
     * sinks preroll and continuation threads run. Nothing may hang and NULL must end it all.
     */
    @Property(tries = 100)
    void impatientWalksNeverHangAndEndInNull(@ForAll boolean live, @ForAll boolean async,
            @ForAll @IntRange(min = 0, max = 20) int numBuffers, @ForAll("walks") List<State> walk) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> impatientWalk(live, async, numBuffers, walk),
                "a state change hung: live=" + live + " async=" + async + " walk=" + walk);
    }

    private static void impatientWalk(boolean live, boolean async, int numBuffers, List<State> walk) throws Exception {
        TestElementsPlugin.register();
        Pipeline p = new Pipeline();
        Element src = ElementFactory.make("testsrc");
        src.setProperty("is-live", live);
        src.setProperty("num-buffers", numBuffers);
        Element mid = ElementFactory.make("passthrough");
        Element sink = ElementFactory.make("testsink");
        sink.setProperty("async", async);
        p.add(src, mid, sink);
        Element.linkMany(src, mid, sink);
        for (State target : walk) {
            assertNotEquals(StateChangeReturn.FAILURE, p.setState(target), "walk " + walk);
        }
        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        Element.StateResult r = p.getState(5 * ClockTime.SECOND);
        assertEquals(State.NULL, r.current(), "walk " + walk);
        assertEquals(State.VOID_PENDING, r.pending(), "walk " + walk);
        for (Element e : List.of(src, mid, sink)) {
            assertEquals(State.NULL, e.getCurrentState(), e.getName() + ", walk " + walk);
        }
        List<String> prefixes = List.of(p.getName() + ":", src.getName() + ":", mid.getName() + ":", sink.getName() + ":");
        Predicate<String> ours = n -> n.endsWith(":continue") || prefixes.stream().anyMatch(n::startsWith);
        List<String> left = ModelSupport.awaitNoThreads(ours, 1000);
        assertTrue(left.isEmpty(), "threads still alive after NULL: " + left + " (walk " + walk + ")");
    }

    private static void walk(boolean live, boolean async, int numBuffers, List<State> walk) throws Exception {
        TestElementsPlugin.register();
        Pipeline p = new Pipeline();
        Element src = ElementFactory.make("testsrc");
        src.setProperty("is-live", live);
        src.setProperty("num-buffers", numBuffers);
        Element mid = ElementFactory.make("passthrough");
        Element sink = ElementFactory.make("testsink");
        sink.setProperty("async", async);
        p.add(src, mid, sink);
        Element.linkMany(src, mid, sink);

        List<State> done = new ArrayList<>();
        for (State target : walk) {
            done.add(target);
            String where = "live=" + live + " async=" + async + " buffers=" + numBuffers + " after " + done;
            StateChangeReturn ret = p.setState(target);
            assertNotEquals(StateChangeReturn.FAILURE, ret, where);
            Element.StateResult r = p.getState(5 * ClockTime.SECOND);
            assertTrue(r.result() == StateChangeReturn.SUCCESS || r.result() == StateChangeReturn.NO_PREROLL,
                    "getState returned " + r + ": " + where);
            assertEquals(target, r.current(), where);
            assertEquals(State.VOID_PENDING, r.pending(), where);
            if (r.result() == StateChangeReturn.NO_PREROLL) {
                assertTrue(live, "only a live pipeline has no preroll: " + where);
                assertEquals(State.PAUSED, target, where);
                assertEquals(target, src.getCurrentState(), where);
            } else {
                for (Element e : List.of(src, mid, sink)) {
                    assertEquals(target, e.getCurrentState(), e.getName() + ": " + where);
                }
            }
        }

        assertEquals(StateChangeReturn.SUCCESS, p.setState(State.NULL));
        assertEquals(State.NULL, p.getState(0).current());
        List<String> prefixes = List.of(p.getName() + ":", src.getName() + ":", mid.getName() + ":", sink.getName() + ":");
        Predicate<String> ours = n -> n.endsWith(":continue") || prefixes.stream().anyMatch(n::startsWith);
        List<String> left = ModelSupport.awaitNoThreads(ours, 1000);
        assertTrue(left.isEmpty(), "threads still alive after NULL: " + left + " (walk " + walk + ")");
    }
}
