/**
 * gst-launch syntax: turns a text description such as
 * {@code videotestsrc num-buffers=100 ! video/x-raw,width=320 ! fakesink} into a pipeline.
 * Mirrors gst/parse/ in GStreamer ({@code gst_parse_launch}).
 */
package org.gstmini.core.parse;
