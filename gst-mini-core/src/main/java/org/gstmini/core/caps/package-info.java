/**
 * Caps: how gst-mini describes media formats and how two elements agree on one — GStreamer's
 * GstCaps, GstStructure and GstValue (gst/gstcaps.c, gst/gststructure.c, gst/gstvalue.c).
 *
 * <p>A {@link org.gstmini.core.caps.Structure} is a media type with typed fields
 * ({@code video/x-raw, width=(int)320}). A field may hold a set of acceptable values instead of
 * one value: an {@link org.gstmini.core.caps.IntRange}, {@link org.gstmini.core.caps.DoubleRange},
 * {@link org.gstmini.core.caps.FractionRange} or a {@link org.gstmini.core.caps.ValueList}.
 * {@link org.gstmini.core.caps.Caps} are a preference-ordered union of structures, plus the
 * special {@code ANY} and {@code EMPTY}.
 *
 * <p>Because every value is a set, caps form an algebra: intersection (what both sides accept),
 * subset (does this side accept all of that), and fixation (pick one concrete format). Pads use
 * exactly these three operations to negotiate.
 *
 * <pre>{@code
 * Caps src  = Caps.parse("video/x-raw, format={ RGB, I420 }, width=[ 1, 4096 ], framerate=[ 0/1, 60/1 ]");
 * Caps sink = Caps.parse("video/x-raw, format=I420, width=[ 320, 1920 ]");
 * Caps both = src.intersect(sink);
 * // video/x-raw, format=(string)I420, width=(int)[ 320, 1920 ], framerate=(fraction)[ 0/1, 60/1 ]
 * Structure s = both.structure(0).fixateFieldNearestFraction("framerate", Fraction.of(30, 1));
 * Caps fixed = Caps.of(s).fixate();
 * // video/x-raw, format=(string)I420, width=(int)320, framerate=(fraction)30/1
 * }</pre>
 */
package org.gstmini.core.caps;
