/**
 * Test support for element authors, like GStreamer's libgstcheck: a {@code Harness} that drives
 * one element with no threads, and a test clock whose time moves only when the test says so.
 */
package org.gstmini.core.check;
