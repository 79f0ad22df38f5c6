package org.gstmini.base.video;

/**
 * Which code values a Y'CbCr signal uses ({@code GstVideoColorRange}): the whole byte, or the
 * "studio" range of BT.601 where black is Y = 16, white Y = 235 and chroma spans 16..240.
 * In caps it is the first part of {@code colorimetry}: {@code "1:4:0:0"} is full-range BT.601,
 * {@code "bt601"} (= {@code "2:4:..."}) the usual limited range.
 */
public enum VideoColorRange {
    /** {@code GST_VIDEO_COLOR_RANGE_0_255}: Y and chroma use 0..255. */
    FULL(1),
    /** {@code GST_VIDEO_COLOR_RANGE_16_235}: Y uses 16..235, chroma 16..240. */
    LIMITED(2);

    private final int value;

    VideoColorRange(int value) {
        this.value = value;
    }

    /** GStreamer's number for this range, as written first in a colorimetry string. */
    public int value() {
        return value;
    }
}
