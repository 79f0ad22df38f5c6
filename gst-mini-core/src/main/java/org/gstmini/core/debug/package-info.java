/**
 * Seeing what a pipeline does: tracers called at every push, event, query and state change;
 * Graphviz dot dumps of a bin; and per-category debug levels mapped onto SLF4J.
 */
package org.gstmini.core.debug;
