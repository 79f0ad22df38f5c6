package org.gstmini.core;

/**
 * A machine-readable reason for an ERROR or WARNING message: a domain and a code within it.
 *
 * <p>Mirrors GStreamer's error domains and codes (gst/gsterror.h): the constant
 * {@code GST_RESOURCE_ERROR_NOT_FOUND} is {@link #RESOURCE_NOT_FOUND} here. Pick the most precise
 * code: applications use it to decide what to tell the user (a missing file versus a corrupt
 * stream), while the message text explains the details.
 */
public enum ErrorCode {
    CORE_FAILED(ErrorDomain.CORE, 1, "GStreamer encountered a general core library error."),
    CORE_TOO_LAZY(ErrorDomain.CORE, 2, "GStreamer developers were too lazy to assign an error code to this error."),
    CORE_NOT_IMPLEMENTED(ErrorDomain.CORE, 3, "Internal GStreamer error: code not implemented."),
    CORE_STATE_CHANGE(ErrorDomain.CORE, 4, "GStreamer error: state change failed and some element failed to post a proper error message with the reason for the failure."),
    CORE_PAD(ErrorDomain.CORE, 5, "Internal GStreamer error: pad problem."),
    CORE_THREAD(ErrorDomain.CORE, 6, "Internal GStreamer error: thread problem."),
    CORE_NEGOTIATION(ErrorDomain.CORE, 7, "GStreamer error: negotiation problem."),
    CORE_EVENT(ErrorDomain.CORE, 8, "Internal GStreamer error: event problem."),
    CORE_SEEK(ErrorDomain.CORE, 9, "Internal GStreamer error: seek problem."),
    CORE_CAPS(ErrorDomain.CORE, 10, "Internal GStreamer error: caps problem."),
    CORE_TAG(ErrorDomain.CORE, 11, "Internal GStreamer error: tag problem."),
    CORE_MISSING_PLUGIN(ErrorDomain.CORE, 12, "Your GStreamer installation is missing a plug-in."),
    CORE_CLOCK(ErrorDomain.CORE, 13, "GStreamer error: clock problem."),
    CORE_DISABLED(ErrorDomain.CORE, 14, "This application is trying to use GStreamer functionality that has been disabled."),
    LIBRARY_FAILED(ErrorDomain.LIBRARY, 1, "GStreamer encountered a general supporting library error."),
    LIBRARY_TOO_LAZY(ErrorDomain.LIBRARY, 2, "GStreamer developers were too lazy to assign an error code to this error."),
    LIBRARY_INIT(ErrorDomain.LIBRARY, 3, "Could not initialize supporting library."),
    LIBRARY_SHUTDOWN(ErrorDomain.LIBRARY, 4, "Could not close supporting library."),
    LIBRARY_SETTINGS(ErrorDomain.LIBRARY, 5, "Could not configure supporting library."),
    LIBRARY_ENCODE(ErrorDomain.LIBRARY, 6, "Encoding error."),
    RESOURCE_FAILED(ErrorDomain.RESOURCE, 1, "GStreamer encountered a general resource error."),
    RESOURCE_TOO_LAZY(ErrorDomain.RESOURCE, 2, "GStreamer developers were too lazy to assign an error code to this error."),
    RESOURCE_NOT_FOUND(ErrorDomain.RESOURCE, 3, "Resource not found."),
    RESOURCE_BUSY(ErrorDomain.RESOURCE, 4, "Resource busy or not available."),
    RESOURCE_OPEN_READ(ErrorDomain.RESOURCE, 5, "Could not open resource for reading."),
    RESOURCE_OPEN_WRITE(ErrorDomain.RESOURCE, 6, "Could not open resource for writing."),
    RESOURCE_OPEN_READ_WRITE(ErrorDomain.RESOURCE, 7, "Could not open resource for reading and writing."),
    RESOURCE_CLOSE(ErrorDomain.RESOURCE, 8, "Could not close resource."),
    RESOURCE_READ(ErrorDomain.RESOURCE, 9, "Could not read from resource."),
    RESOURCE_WRITE(ErrorDomain.RESOURCE, 10, "Could not write to resource."),
    RESOURCE_SEEK(ErrorDomain.RESOURCE, 11, "Could not perform seek on resource."),
    RESOURCE_SYNC(ErrorDomain.RESOURCE, 12, "Could not synchronize on resource."),
    RESOURCE_SETTINGS(ErrorDomain.RESOURCE, 13, "Could not get/set settings from/on resource."),
    RESOURCE_NO_SPACE_LEFT(ErrorDomain.RESOURCE, 14, "No space left on the resource."),
    RESOURCE_NOT_AUTHORIZED(ErrorDomain.RESOURCE, 15, "Not authorized to access resource."),
    STREAM_FAILED(ErrorDomain.STREAM, 1, "GStreamer encountered a general stream error."),
    STREAM_TOO_LAZY(ErrorDomain.STREAM, 2, "GStreamer developers were too lazy to assign an error code to this error."),
    STREAM_NOT_IMPLEMENTED(ErrorDomain.STREAM, 3, "Element doesn't implement handling of this stream. Please file a bug."),
    STREAM_TYPE_NOT_FOUND(ErrorDomain.STREAM, 4, "Could not determine type of stream."),
    STREAM_WRONG_TYPE(ErrorDomain.STREAM, 5, "The stream is of a different type than handled by this element."),
    STREAM_CODEC_NOT_FOUND(ErrorDomain.STREAM, 6, "There is no codec present that can handle the stream's type."),
    STREAM_DECODE(ErrorDomain.STREAM, 7, "Could not decode stream."),
    STREAM_ENCODE(ErrorDomain.STREAM, 8, "Could not encode stream."),
    STREAM_DEMUX(ErrorDomain.STREAM, 9, "Could not demultiplex stream."),
    STREAM_MUX(ErrorDomain.STREAM, 10, "Could not multiplex stream."),
    STREAM_FORMAT(ErrorDomain.STREAM, 11, "The stream is in the wrong format."),
    STREAM_DECRYPT(ErrorDomain.STREAM, 12, "The stream is encrypted and decryption is not supported."),
    STREAM_DECRYPT_NOKEY(ErrorDomain.STREAM, 13, "The stream is encrypted and can't be decrypted because no suitable key has been supplied.");

    private final ErrorDomain domain;
    private final int code;
    private final String defaultMessage;

    ErrorCode(ErrorDomain domain, int code, String defaultMessage) {
        this.domain = domain;
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public ErrorDomain domain() {
        return domain;
    }

    /** The code's number within its domain, as in GStreamer. */
    public int code() {
        return code;
    }

    /** The text GStreamer shows when the element gives none ({@code gst_error_get_message}). */
    public String defaultMessage() {
        return defaultMessage;
    }
}
