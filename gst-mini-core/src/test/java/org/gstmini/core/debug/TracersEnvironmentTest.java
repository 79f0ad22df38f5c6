package org.gstmini.core.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gstmini.core.Pipeline;
import org.gstmini.core.Registry;
import org.gstmini.core.spi.PluginDefinition;
import org.gstmini.core.spi.PluginRegistrar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracersEnvironmentTest {

    /** A tracer that only remembers its parameters. */
    static final class ParamTracer extends Tracer {
        final String params;

        ParamTracer(String params) {
            if (params.contains("bad")) {
                throw new IllegalArgumentException("param tracer: 'bad' is not a parameter");
            }
            this.params = params;
        }
    }

    /** A plugin offering the "param" tracer. */
    public static final class ParamPlugin extends PluginDefinition {
        public ParamPlugin() {
            super("paramtracers", "test tracers", "1.0", "LGPL", "test");
        }

        @Override
        public void init(PluginRegistrar registrar) {
            registrar.registerTracer(new TracerFactory("param", "remembers its parameters", ParamTracer::new));
        }
    }

    private final List<Tracer> toRemove = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        toRemove.forEach(Tracers::uninstall);
        Tracers.installed().stream().filter(t -> t instanceof LogTracer l && l.getName().startsWith("envtest"))
                .forEach(Tracers::uninstall);
        System.clearProperty(Tracers.PROPERTY);
    }

    private static Registry registry() {
        Registry r = new Registry();
        r.registerStatic(new ParamPlugin());
        return r;
    }

    @Test
    void installsTheNamedTracersWithTheirParameters() {
        List<Tracer> made = Tracers.installFromSpec("param(a=1;b=(2));log(name=x)", registry());
        toRemove.addAll(made);

        assertEquals(2, made.size(), made.toString());
        assertEquals("a=1;b=(2)", ((ParamTracer) made.get(0)).params);
        assertEquals("x", ((LogTracer) made.get(1)).getName());
        assertTrue(Tracers.installed().containsAll(made));
        assertTrue(Tracers.active);
    }

    @Test
    void unknownNamesAndRefusedParametersAreSkipped() {
        List<Tracer> made = Tracers.installFromSpec("lgo;param(bad);param(good)", registry());
        toRemove.addAll(made);

        assertEquals(1, made.size(), "only param(good) is installed: " + made);
        assertEquals("good", ((ParamTracer) made.get(0)).params);
    }

    @Test
    void aMalformedListInstallsNothing() {
        int before = Tracers.installed().size();
        assertThrows(IllegalArgumentException.class, () -> Tracers.installFromSpec("param;log(", registry()));
        assertEquals(before, Tracers.installed().size());
    }

    @Test
    void theCoreRegistersTheLogTracer() {
        TracerFactory log = new Registry().findTracer("log");
        assertEquals(LogTracer.FACTORY, log);
        assertInstanceOf(LogTracer.class, log.constructor().apply(""));
    }

    @Test
    void theEnvironmentIsReadOnceWhenThePipelineIsCreated() {
        System.setProperty(Tracers.PROPERTY, "log(name=envtest)");
        Tracers.resetEnvironmentGuard();

        new Pipeline("envtest-pipeline");
        new Pipeline("envtest-pipeline2");
        Tracers.installFromEnvironment();

        List<Tracer> mine = Tracers.installed().stream()
                .filter(t -> t instanceof LogTracer l && l.getName().equals("envtest")).toList();
        assertEquals(1, mine.size(), "installed once, however often asked: " + Tracers.installed());
    }

    @Test
    void nothingHappensWhenNothingIsSet() {
        System.setProperty(Tracers.PROPERTY, "");
        Tracers.resetEnvironmentGuard();
        int before = Tracers.installed().size();
        Tracers.installFromEnvironment();
        assertEquals(before, Tracers.installed().size());
    }
}
