package org.gstmini.core;

/**
 * What the registry knows of a loaded plugin ({@code GstPlugin}'s description fields):
 * gst-inspect prints these in its "Plugin Details" section.
 *
 * @param name        the plugin's name
 * @param description one line saying what it offers
 * @param version     its version
 * @param license     its license
 * @param origin      where it comes from
 * @param filename    the jar or module it was loaded from (e.g. "module org.gstmini.plugins.good")
 */
public record PluginInfo(String name, String description, String version, String license, String origin,
                         String filename) {
}
