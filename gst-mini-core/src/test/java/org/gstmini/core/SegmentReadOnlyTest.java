package org.gstmini.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Segment#asReadOnly()}: the segment an element hands to every buffer's processing
 * without copying it (BaseTransform's current segment). It must keep its values, refuse every
 * change, and give writable copies.
 */
class SegmentReadOnlyTest {

    private static Segment seeked() {
        Segment s = new Segment(Format.TIME);
        s.doSeek(2.0, Format.TIME, EnumSet.of(SeekFlag.FLUSH), SeekType.SET, 100, SeekType.SET, 900);
        s.setPosition(250);
        s.setDuration(1000);
        return s;
    }

    @Test
    void aReadOnlyCopyHasTheSameValuesAndIsIndependent() {
        Segment original = seeked();
        Segment ro = original.asReadOnly();
        assertTrue(ro.isReadOnly());
        assertFalse(original.isReadOnly());
        assertNotSame(original, ro);
        assertEquals(original, ro, "same values, flags included");
        assertEquals(original.toString(), ro.toString());
        assertEquals(original.toRunningTime(Format.TIME, 500), ro.toRunningTime(Format.TIME, 500));
        assertEquals(original.clip(Format.TIME, 50, 150), ro.clip(Format.TIME, 50, 150));

        original.setPosition(400);
        original.setFlags(EnumSet.noneOf(Segment.Flag.class));
        assertEquals(250, ro.getPosition(), "changing the original does not reach the read-only copy");
        assertTrue(ro.hasFlag(Segment.Flag.RESET), "nor do its flags (they are shared until replaced)");
    }

    @Test
    void everyChangeIsRefusedWithAMessageThatSaysWhatToDo() {
        Segment ro = seeked().asReadOnly();
        List<Consumer<Segment>> changes = List.of(
                s -> s.init(Format.BYTES),
                s -> s.copyFrom(new Segment(Format.TIME)),
                s -> s.doSeek(1.0, Format.TIME, EnumSet.noneOf(SeekFlag.class), SeekType.SET, 0, SeekType.NONE, -1),
                s -> s.setRunningTime(Format.TIME, 0),
                s -> s.offsetRunningTime(Format.TIME, 10),
                s -> s.setFlags(EnumSet.noneOf(Segment.Flag.class)),
                s -> s.setRate(1.0),
                s -> s.setAppliedRate(1.0),
                s -> s.setFormat(Format.BYTES),
                s -> s.setBase(1),
                s -> s.setOffset(1),
                s -> s.setStart(1),
                s -> s.setStop(1),
                s -> s.setTime(1),
                s -> s.setPosition(1),
                s -> s.setDuration(1));
        Segment before = ro.copy();
        for (Consumer<Segment> change : changes) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> change.accept(ro));
            assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("copy()"), e.getMessage());
        }
        assertEquals(before, ro, "nothing changed");
    }

    @Test
    void copiesOfAReadOnlySegmentAreWritableAndAsReadOnlyIsIdempotent() {
        Segment ro = seeked().asReadOnly();
        assertSame(ro, ro.asReadOnly(), "already read-only: no new copy");
        Segment copy = ro.copy();
        assertFalse(copy.isReadOnly());
        copy.setPosition(600);
        assertEquals(600, copy.getPosition());
        assertEquals(250, ro.getPosition());
        Segment target = new Segment();
        target.copyFrom(ro);
        assertEquals(ro, target);
        assertFalse(target.isReadOnly(), "copyFrom copies values, not the read-only mark");
    }
}
