package org.gstmini.base.transform;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gstmini.base.Adapter;
import org.gstmini.core.Buffer;

/** Laws of {@link Adapter}: whatever the buffer and chunk sizes, no byte is lost, reordered or invented. */
class AdapterProperties {

    /** Concatenating all takes gives exactly the concatenation of all pushes. */
    @Property
    boolean takesConcatenateToThePushes(@ForAll @Size(max = 20) List<@IntRange(min = 0, max = 50) Integer> pushSizes,
                                        @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 40) Integer> takeSizes,
                                        @ForAll boolean viaBuffers) {
        Adapter a = new Adapter();
        ByteArrayOutputStream pushed = new ByteArrayOutputStream();
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        int counter = 0;
        int t = 0;
        for (int size : pushSizes) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) counter++;
            }
            pushed.writeBytes(b);
            a.push(Buffer.wrap(b));
            // take greedily whenever enough is there, cycling through the take sizes
            while (a.available() >= takeSizes.get(t % takeSizes.size())) {
                int n = takeSizes.get(t++ % takeSizes.size());
                taken.writeBytes(viaBuffers ? a.takeBuffer(n).toByteArray() : a.take(n));
            }
        }
        int rest = a.available();
        if (rest > 0) {
            taken.writeBytes(a.take(rest));
        }
        return a.available() == 0 && java.util.Arrays.equals(pushed.toByteArray(), taken.toByteArray());
    }

    /**
     * With buffers stamped by their byte position (pts = first byte's index × 1000), the pts the
     * adapter reports plus its distance always gives the position of the next byte.
     */
    @Property
    boolean prevPtsPlusDistanceIsThePosition(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 30) Integer> pushSizes,
                                             @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 25) Integer> flushSizes,
                                             @ForAll @Size(min = 1, max = 20) List<Boolean> stamped) {
        Adapter a = new Adapter();
        long pos = 0;
        long consumed = 0;
        for (int i = 0; i < pushSizes.size(); i++) {
            Buffer b = Buffer.wrap(new byte[pushSizes.get(i)]);
            // the first buffer always carries a pts; others only sometimes
            a.push(i == 0 || stamped.get(i % stamped.size()) ? b.withPts(pos * 1000) : b);
            pos += pushSizes.get(i);
        }
        for (int f : flushSizes) {
            int n = Math.min(f, a.available());
            a.flush(n);
            consumed += n;
            if (a.prevPts() + a.prevPtsDistance() * 1000 != consumed * 1000) {
                return false;
            }
            if (a.available() > 0 && a.prevPtsAtOffset(0) != a.prevPts()) {
                return false;
            }
        }
        return true;
    }
}
