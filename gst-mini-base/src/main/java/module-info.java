/**
 * Base classes for elements, mirroring GStreamer's libgstbase: sources, sinks and
 * transforms that implement the pad and state protocol once, so an element only fills in a
 * few hooks. Its content arrives with the base-classes issue; until then this module is an
 * empty, compiling skeleton that already sits in the right place in the module graph.
 */
module org.gstmini.base {
    requires transitive org.gstmini.core;

    exports org.gstmini.base;
    exports org.gstmini.base.video;
}
