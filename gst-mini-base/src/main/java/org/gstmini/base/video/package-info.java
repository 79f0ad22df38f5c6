/**
 * Raw video helpers, mirroring gst-libs/gst/video: {@link org.gstmini.base.video.VideoFormat}
 * ({@code GstVideoFormat}) names the pixel layouts, {@link org.gstmini.base.video.VideoInfo}
 * ({@code GstVideoInfo}) turns {@code video/x-raw} caps into strides and plane offsets and back.
 */
package org.gstmini.base.video;
