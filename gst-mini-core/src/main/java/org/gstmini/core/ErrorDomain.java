package org.gstmini.core;

/** The four families of errors an element can post. Mirrors the GStreamer error quarks. */
public enum ErrorDomain {
    /** Problems in the core itself (negotiation, pads, state changes). */
    CORE("gst-core-error-quark"),
    /** Problems in a library an element uses (a codec, an SDK). */
    LIBRARY("gst-library-error-quark"),
    /** Problems with a resource: a file, a device, a network endpoint. */
    RESOURCE("gst-resource-error-quark"),
    /** Problems with the data in the stream. */
    STREAM("gst-stream-error-quark");

    private final String quark;

    ErrorDomain(String quark) {
        this.quark = quark;
    }

    /** The name GStreamer prints for the domain. */
    public String quark() {
        return quark;
    }
}
