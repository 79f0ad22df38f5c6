/**
 * gst-launch syntax: turns a text description such as
 * {@code videotestsrc num-buffers=100 ! video/x-raw,width=320 ! fakesink} into a pipeline, and
 * prints a pipeline back as such text.
 * Mirrors gst/parse/ in GStreamer ({@code gst_parse_launch}, {@code gst_parse_bin_from_description}).
 *
 * <p>{@link org.gstmini.core.parse.Parse} is the entry point and teaches the grammar;
 * {@link org.gstmini.core.parse.ParseException} says what went wrong and where.
 */
package org.gstmini.core.parse;
