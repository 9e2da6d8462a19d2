package io.dceff;

import io.dceff.platform.embedded.EmbeddedDefault;
import io.dceff.platform.embedded.EmbeddedStartException;
import io.dceff.platform.embedded.ReadyLine;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts dceff. With no datasource URL configured it is the embedded default: a MariaDB server of its
 * own is started first, because the datasource and Flyway need it while Quarkus starts; once the service
 * listens, one line says where to go next.
 */
@QuarkusMain
public class DceffMain {

    private static final Logger LOG = Logger.getLogger(DceffMain.class);

    public static void main(String... args) {
        EmbeddedDefault embedded;
        try {
            embedded = EmbeddedDefault.startIfNoDatabaseConfigured();
        } catch (EmbeddedStartException e) {
            LOG.error(e.getMessage());
            System.exit(1);
            return;
        }
        if (embedded != null) {
            LOG.info("Starting the service: database migrations, then the sample data on a first start ...");
        }
        try {
            Quarkus.run(Service.class, args);
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }

    /** The running service: after Quarkus has started, the ready line of the embedded default. */
    public static class Service implements QuarkusApplication {

        @Override
        public int run(String... args) {
            if (Boolean.getBoolean(EmbeddedDefault.ACTIVE_PROPERTY)) {
                Config config = ConfigProvider.getConfig();
                ReadyLine ready = new ReadyLine(
                        config.getOptionalValue("quarkus.http.host", String.class)
                                .orElse("0.0.0.0"),
                        config.getValue("quarkus.http.port", Integer.class),
                        config.getValue("dceff.fixtures.dir", String.class));
                if (!ready.loopbackOnly()) {
                    LOG.warn(ready.openWarning());
                }
                LOG.info(ready.line());
            }
            Quarkus.waitForExit();
            return 0;
        }
    }
}
