package io.dceff;

import io.dceff.platform.embedded.EmbeddedDefault;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts dceff. With no datasource URL configured it is the embedded default: a MariaDB server of its
 * own is started first, because the datasource and Flyway need it while Quarkus starts.
 */
@QuarkusMain
public class DceffMain {

    public static void main(String... args) {
        EmbeddedDefault embedded = EmbeddedDefault.startIfNoDatabaseConfigured();
        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }
}
