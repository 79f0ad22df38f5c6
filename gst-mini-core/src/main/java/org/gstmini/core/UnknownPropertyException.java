package org.gstmini.core;

import java.util.List;

/** A property name the element does not have; the message lists the closest names. */
public final class UnknownPropertyException extends IllegalArgumentException {
    private final String propertyName;

    public UnknownPropertyException(Element element, String propertyName, List<String> known) {
        super(element.getName() + " (" + element.getClass().getSimpleName() + ") has no property '" + propertyName + "'"
                + Names.suggestion(propertyName, known));
        this.propertyName = propertyName;
    }

    public String propertyName() {
        return propertyName;
    }
}
