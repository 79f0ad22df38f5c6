/**
 * Test support for element authors, like GStreamer's libgstcheck: a {@code Harness} that drives
 * one element with no threads, and a test clock whose time moves only when the test says so.
 *
 * <p>{@link org.gstmini.core.check.Harness} mirrors {@code GstHarness}: it links a loose source
 * pad to the element's sink pad and the element's source pad to a loose sink pad, so a test can
 * {@code push} buffers and events in and {@code pull} what comes out, all on the test's own
 * thread, because pushing a buffer is a direct call into the element. It hands the element a
 * {@link org.gstmini.core.clock.TestClock}, so an element that waits on its clock blocks until
 * the test "cranks" the clock to the next wait, which makes timing tests deterministic.
 *
 * <pre>{@code
 * try (Harness h = Harness.of("passthrough")) {
 *     h.setSrcCapsStr("audio/x-raw, rate=(int)48000");
 *     Buffer in = h.createBuffer(16);
 *     assertSame(in, h.pushAndPull(in));
 * }
 * }</pre>
 *
 * <p>{@link org.gstmini.core.check.GStreamerTool} runs the real GStreamer's {@code gst-launch-1.0},
 * when it is installed, so that a test can compare an element with the one it mirrors.
 *
 * <p>The package is exported so that third-party plugins can test their elements with it; add
 * {@code requires org.gstmini.core;} to the test's module (or use the class path).
 */
package org.gstmini.core.check;
